import os
import wave

import numpy as np
import pytest
from scipy import signal  # the reference for resampling

from kerax import preprocessing, utils
from kerax.utils.audio_dataset import resample


def write_texts(root):
    texts = {"neg": ["bad movie", "awful\r\nplot"], "pos": ["good", "great fun, loved it"]}
    for label, items in texts.items():
        os.makedirs(root / label)
        for i, text in enumerate(items):
            (root / label / f"{i}.txt").write_bytes(text.encode())
    return texts


def test_text_dataset_reads_whole_files_with_labels_and_max_length(tmp_path):
    texts = write_texts(tmp_path)
    assert preprocessing.text_dataset_from_directory is utils.text_dataset_from_directory
    ds = utils.text_dataset_from_directory(tmp_path, batch_size=8, shuffle=False, verbose=False)
    x, y = next(iter(ds))
    assert ds.class_names == ["neg", "pos"]
    assert x.tolist() == texts["neg"] + texts["pos"] and y.tolist() == [0, 0, 1, 1] and y.dtype == np.int32
    short = utils.text_dataset_from_directory(tmp_path, max_length=4, batch_size=None, shuffle=False,
                                              label_mode=None, verbose=False)
    assert [str(t) for t in short] == [t[:4] for t in texts["neg"] + texts["pos"]]
    with pytest.raises(ValueError, match=r"No text files found in directory .*Allowed format: .txt"):
        utils.text_dataset_from_directory(tmp_path / "neg" / "..", labels=[0, 1, 0, 1], verbose=False,
                                          validation_split=0.1, subset="validation", seed=1)


def write_wav(path, samples, rate, width=2):
    scaled = {1: lambda s: (s * 128 + 128).astype("uint8"), 2: lambda s: (s * 32768).astype("<i2"),
              4: lambda s: (s * 2.0 ** 31).astype("<i4")}[width](samples)
    with wave.open(str(path), "wb") as f:
        f.setnchannels(samples.shape[1])
        f.setsampwidth(width)
        f.setframerate(rate)
        f.writeframes(scaled.tobytes())


def test_audio_dataset_pads_batches_and_scales_pcm(tmp_path):
    os.makedirs(tmp_path / "a")
    os.makedirs(tmp_path / "b")
    clip = np.array([[0.5, -0.25], [-1.0, 0.0], [0.125, 0.75]])
    write_wav(tmp_path / "a" / "1.wav", clip, 8000)
    write_wav(tmp_path / "a" / "2.wav", clip[:2], 8000, width=1)
    write_wav(tmp_path / "b" / "1.wav", clip[:1], 8000, width=4)
    ds = utils.audio_dataset_from_directory(tmp_path, batch_size=3, shuffle=False, verbose=False)
    x, y = next(iter(ds))
    assert x.shape == (3, 3, 2) and x.dtype == np.float32 and y.tolist() == [0, 0, 1]
    expected = np.zeros((3, 3, 2), dtype=np.float32)
    expected[0], expected[1, :2], expected[2, :1] = clip, clip[:2], clip[:1]
    np.testing.assert_allclose(x, expected, atol=1e-6)  # zero padding to the longest clip of the batch
    fixed = utils.audio_dataset_from_directory(tmp_path, batch_size=3, output_sequence_length=2,
                                               shuffle=False, verbose=False)
    np.testing.assert_allclose(next(iter(fixed))[0], expected[:, :2], atol=1e-6)
    with pytest.raises(NotImplementedError, match="ragged"):
        utils.audio_dataset_from_directory(tmp_path, ragged=True)
    with pytest.raises(ValueError, match="Cannot set both `ragged` and `output_sequence_length`"):
        utils.audio_dataset_from_directory(tmp_path, ragged=True, output_sequence_length=3)


def test_audio_resampling_keeps_a_low_frequency_tone(tmp_path):
    os.makedirs(tmp_path / "tone")
    t = np.arange(800) / 8000.0  # a 250 Hz tone over a whole number of periods, 8 kHz
    write_wav(tmp_path / "tone" / "t.wav", 0.5 * np.sin(2 * np.pi * 250 * t)[:, None], 8000)
    ds = utils.audio_dataset_from_directory(tmp_path, sampling_rate=4000, batch_size=None, verbose=False,
                                            label_mode=None)
    (audio,) = list(ds)
    t_new = np.arange(400) / 4000.0
    np.testing.assert_allclose(audio[:, 0], 0.5 * np.sin(2 * np.pi * 250 * t_new), atol=1e-3)


@pytest.mark.parametrize("length,samples", [(10, 5), (10, 4), (9, 4), (8, 13), (8, 12), (7, 7)])
def test_fourier_resampling_matches_scipy(length, samples):
    audio = np.random.default_rng(length * samples).random((length, 2))
    np.testing.assert_allclose(resample(audio, samples), signal.resample(audio, samples, axis=0), atol=1e-12)
