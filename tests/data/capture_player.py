"""A test "player": writes the raw PCM it receives on stdin to the file named by argv[1]."""

import sys

with open(sys.argv[1], "wb") as out:
    while block := sys.stdin.buffer.read(65536):
        out.write(block)
