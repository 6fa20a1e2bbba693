"""`pad_sequences`: a list of variable-length sequences as one `(num_samples, maxlen, ...)` NumPy array."""
import numpy as np


def _lengths_and_sample_shape(sequences):
    lengths, sample_shape = [], None
    for s in sequences:
        try:
            lengths.append(len(s))
        except TypeError as e:
            raise ValueError(f"`sequences` must be a list of iterables. Found non-iterable: {s}") from e
        if sample_shape is None and len(s):
            sample_shape = np.asarray(s).shape[1:]
    return lengths, sample_shape or ()


def _check_choice(name, value):
    if value not in ("pre", "post"):
        raise ValueError(f'{name.capitalize()} type "{value}" not understood: expected "pre" or "post".')


def pad_sequences(sequences, maxlen=None, dtype="int32", padding="pre", truncating="pre", value=0.0):
    """Pads (with `value`) and truncates each sequence to `maxlen` (default: the longest), at the start
    ("pre") or the end ("post"). Use `dtype=object` (or a string dtype) for strings."""
    if not hasattr(sequences, "__len__"):
        raise ValueError("`sequences` must be iterable.")
    _check_choice("padding", padding)
    _check_choice("truncating", truncating)
    lengths, sample_shape = _lengths_and_sample_shape(sequences)
    maxlen = max(lengths, default=0) if maxlen is None else int(maxlen)
    is_str_dtype = np.issubdtype(dtype, np.str_) or np.issubdtype(dtype, np.bytes_)
    if isinstance(value, str) and dtype is not object and not is_str_dtype:
        raise ValueError(
            f"`dtype` {dtype} is not compatible with `value`'s type: {type(value)}\n"
            "You should set `dtype=object` for variable length strings."
        )
    x = np.full((len(sequences), maxlen) + sample_shape, value, dtype=dtype)
    for idx, (s, length) in enumerate(zip(sequences, lengths)):
        kept = min(length, maxlen)
        if not kept:
            continue
        trunc = np.asarray(s[length - kept:] if truncating == "pre" else s[:kept], dtype=dtype)
        if trunc.shape[1:] != sample_shape:
            raise ValueError(
                f"Shape of sample {trunc.shape[1:]} of sequence at position {idx} is different from expected "
                f"shape {sample_shape}"
            )
        if padding == "post":
            x[idx, :kept] = trunc
        else:
            x[idx, maxlen - kept:] = trunc
    return x
