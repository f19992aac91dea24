import shutil
from pathlib import Path

import numpy as np
import pytest

from reader.engines import load_engine
from reader.engines.piper_engine import BUNDLED_VOICE, bundled_model, verify_bundled
from reader.errors import EngineUnavailable, VoiceNotFound
from reader.voices import resolve_voice

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def piper():
    engine = load_engine(resolve_voice("joe"))
    yield engine
    engine.close()


def test_renders_speech(piper):
    audio = piper.synthesize("The General Staff unanimously backed this opinion.")
    assert piper.sample_rate == 22050 and audio.dtype == np.int16
    seconds = len(audio) / piper.sample_rate
    assert 1.5 < seconds < 6
    assert np.sqrt(np.mean((audio / 32768.0) ** 2)) > 0.01


def test_rate_changes_length_not_pitch_engine():
    text = "Russia has been attempting to encircle Bakhmut for months."
    slow = load_engine(resolve_voice("joe", rate=0.7)).synthesize(text)
    fast = load_engine(resolve_voice("joe", rate=1.5)).synthesize(text)
    assert len(slow) / len(fast) == pytest.approx(1.5 / 0.7, rel=0.2)


def test_bundled_model_matches_published_hash():
    verify_bundled(bundled_model())


def test_corrupted_bundled_model_is_refused(tmp_path):
    fake = tmp_path / f"{BUNDLED_VOICE}.onnx"
    fake.write_bytes(b"not a model")
    shutil.copy(Path(f"{bundled_model()}.json"), tmp_path)
    with pytest.raises(EngineUnavailable, match="SHA-256"):
        verify_bundled(fake)


def test_other_model_by_path(tmp_path):
    model = bundled_model()
    shutil.copy(model, tmp_path / "other.onnx")
    shutil.copy(Path(f"{model}.json"), tmp_path / "other.onnx.json")
    engine = load_engine(resolve_voice(str(tmp_path / "other.onnx")))
    assert len(engine.synthesize("Hello from another voice.")) > 10000


def test_model_without_config_is_refused(tmp_path):
    (tmp_path / "lonely.onnx").write_bytes(b"x")
    with pytest.raises(VoiceNotFound, match="config"):
        load_engine(resolve_voice(str(tmp_path / "lonely.onnx")))


def test_speaker_of_a_multi_speaker_voice_reaches_piper(tmp_path):
    """The speaker (by name or number) becomes Piper's speaker_id; the cache identity tells speakers apart."""
    import json

    from reader.engines import engine_identity

    model = bundled_model()
    config = json.loads(Path(f"{model}.json").read_text(encoding="utf-8"))
    config.update(num_speakers=3, speaker_id_map={"anna": 0, "ben": 1, "cleo": 2})
    (tmp_path / "trio.onnx").symlink_to(model)
    (tmp_path / "trio.onnx.json").write_text(json.dumps(config))
    by_name = resolve_voice(str(tmp_path / "trio.onnx"), speaker="cleo")
    assert load_engine(by_name)._syn.speaker_id == 2
    assert load_engine(resolve_voice(f"{tmp_path / 'trio.onnx'}#1"))._syn.speaker_id == 1
    assert engine_identity(by_name) != engine_identity(resolve_voice(str(tmp_path / "trio.onnx"), speaker="ben"))
    with pytest.raises(VoiceNotFound, match="no speaker 'dora'"):
        resolve_voice(str(tmp_path / "trio.onnx"), speaker="dora")


def test_intra_op_threads_never_spin(piper):
    """Spinning threads hold cores that reader's shaping, encoder and other workers need."""
    options = piper._voice.session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"


def test_workers_forked_with_the_loaded_voice_speak_as_it_does():
    """Piper's voice is loaded once and forked into the chunk workers (EngineSpec.fork_loaded)."""
    from reader.engines import engine_spec
    from reader.session import SynthesisSession
    from reader.voices import voice_dirs

    texts = [f"Sentence number {n} is read by a worker that never loaded the voice itself." for n in range(4)]
    lengths = {}
    for jobs in (1, 2):
        session = SynthesisSession(resolve_voice("joe"), search_dirs=voice_dirs(), jobs=jobs)
        lengths[jobs] = [audio.size for audio in session.stream(texts)]
        session.close()
    assert engine_spec("piper").fork_loaded
    assert lengths[2] == pytest.approx(lengths[1], rel=0.15)  # Piper's noise makes every take differ a little
