"""audio_dataset_from_directory: a folder of class subfolders of .wav files as a kerax.data.Dataset of
(audio, labels) batches. Files are read with the standard library's `wave` (PCM, 8 to 32 bits) and scaled to
float32 in [-1, 1), shape (samples, channels)."""
import wave

import numpy as np

from kerax.utils import directory_dataset
from kerax.utils.dataset_utils import check_label_arguments

ALLOWED_FORMATS = (".wav",)


def audio_dataset_from_directory(directory, labels="inferred", label_mode="int", class_names=None,
                                 batch_size=32, sampling_rate=None, output_sequence_length=None, ragged=False,
                                 shuffle=True, seed=None, validation_split=None, subset=None,
                                 follow_links=False, verbose=True):
    """Batches are zero-padded to their longest clip unless `output_sequence_length` cuts or pads every clip
    to that many samples; `sampling_rate` resamples each clip (Fourier method) to that rate first (before
    the cut, as newer Keras does)."""
    check_label_arguments(labels, label_mode, class_names, "audio")
    if ragged and output_sequence_length is not None:
        raise ValueError("Cannot set both `ragged` and `output_sequence_length`")
    if ragged:
        raise NotImplementedError(
            "kerax has no ragged tensors, so `ragged=True` is not supported. Use the default (batches "
            "zero-padded to their longest clip) or `output_sequence_length`."
        )
    if sampling_rate is not None:
        if not isinstance(sampling_rate, int):
            raise ValueError(
                f"`sampling_rate` should have an integer value. Received: sampling_rate={sampling_rate}"
            )
        if sampling_rate <= 0:
            raise ValueError(
                f"`sampling_rate` should be higher than 0. Received: sampling_rate={sampling_rate}"
            )
    labels, label_mode = directory_dataset.normalize_label_mode(labels, label_mode)

    def load(path):
        return read_audio(path, sampling_rate, output_sequence_length)

    def batch(ds, size):
        return ds.padded_batch(size) if output_sequence_length is None else ds.batch(size)

    kind = directory_dataset.FileKind(
        ALLOWED_FORMATS, load, "audio files", f"Allowed format(s): {ALLOWED_FORMATS}", batch=batch
    )
    return directory_dataset.from_directory(
        kind, directory, labels, label_mode, class_names, batch_size, shuffle, seed, validation_split, subset,
        follow_links, verbose,
    )


def read_audio(path, sampling_rate=None, output_sequence_length=None):
    audio, rate = read_wav(path)
    if sampling_rate is not None and rate != sampling_rate and len(audio):
        samples = max(1, int(round(len(audio) * sampling_rate / rate)))
        audio = resample(audio, samples).astype("float32")
    if output_sequence_length is not None:
        audio = audio[:output_sequence_length]
        audio = np.pad(audio, [(0, output_sequence_length - len(audio)), (0, 0)])
    return audio


def read_wav(path):
    """(float32 array of shape (samples, channels), sample rate) of a PCM WAV file."""
    try:
        with wave.open(path, "rb") as f:
            width, channels, rate = f.getsampwidth(), f.getnchannels(), f.getframerate()
            raw = f.readframes(f.getnframes())
    except (wave.Error, EOFError) as error:
        raise ValueError(
            f"Could not read {path} as a PCM WAV file ({error}). Only uncompressed integer PCM is supported; "
            "convert the file (e.g. `sox in.wav -e signed -b 16 out.wav`)."
        ) from error
    return _pcm_to_float(raw, width).reshape(-1, channels), rate


def _pcm_to_float(raw, width):
    """WAV stores 8-bit samples unsigned and wider ones as signed little-endian integers."""
    if width == 1:
        return (np.frombuffer(raw, dtype="uint8").astype("float32") - 128.0) / 128.0
    if width == 3:  # no 24-bit NumPy type: put each sample in the top 3 bytes of an int32
        packed = np.frombuffer(raw, dtype="uint8").reshape(-1, 3)
        padded = np.zeros((len(packed), 4), dtype="uint8")
        padded[:, 1:] = packed
        return padded.view("<i4")[:, 0].astype("float32") / 2.0 ** 31
    dtype = {2: "<i2", 4: "<i4"}[width]
    return np.frombuffer(raw, dtype=dtype).astype("float32") / 2.0 ** (8 * width - 1)


def resample(audio, samples):
    """`audio` (length, channels) resampled to `samples` by the Fourier method (as scipy.signal.resample):
    the spectrum is cut or zero-padded; an even cut's Nyquist bin takes both halves, an even padding's
    Nyquist bin is split between them. (NumPy only: importing scipy.signal costs more than a second.)"""
    length = len(audio)
    spectrum = np.fft.rfft(audio, axis=0)
    kept = min(samples, length)
    resized = np.zeros((samples // 2 + 1,) + audio.shape[1:], spectrum.dtype)
    resized[: kept // 2 + 1] = spectrum[: kept // 2 + 1]
    if kept % 2 == 0 and samples != length:
        resized[kept // 2] *= 2.0 if samples < length else 0.5
    return np.fft.irfft(resized, samples, axis=0) * (samples / length)
