"""int4 values in [-8, 7] stored two per byte along one axis: the first of each pair in the low nibble, the
second in the high nibble (an odd length gets a zero pad)."""
import numpy as np

from kerax import ops
from kerax.backend import standardize_dtype


def pack_int4(arr, axis=0, dtype="int8"):
    """(packed, packed shape, original length of `axis`). Packing runs on the host in NumPy."""
    _check_dtype(dtype)
    if standardize_dtype(arr.dtype) != dtype:
        raise TypeError(f"Expected {dtype} tensor for packing, got {standardize_dtype(arr.dtype)}.")
    x = np.moveaxis(np.asarray(ops.convert_to_numpy(arr)), axis, 0)
    length = x.shape[0]
    if length % 2:
        x = np.concatenate([x, np.zeros((1,) + x.shape[1:], x.dtype)])
    low, high = x[0::2].view(np.uint8) & 0x0F, x[1::2].view(np.uint8) & 0x0F
    packed = np.moveaxis((low | (high << 4)).astype(np.uint8).view(dtype), 0, axis)
    return ops.convert_to_tensor(packed), tuple(packed.shape), length


def unpack_int4(packed, orig_len, axis=0, dtype="int8"):
    """The int4 values of `packed` as `dtype` (int8: signed [-8, 7]; uint8: [0, 15]), `orig_len` long on
    `axis`."""
    _check_dtype(dtype)
    if standardize_dtype(packed.dtype) not in ("int8", "uint8"):
        raise TypeError(f"Expected int8 or uint8 tensor for unpacking, got {packed.dtype}")
    x = ops.moveaxis(ops.convert_to_tensor(packed), axis, 0)
    halves = []
    for shift in (0, 4):
        nibble = ops.bitwise_and(ops.right_shift(x, shift), 0x0F) if shift else ops.bitwise_and(x, 0x0F)
        if dtype == "int8":  # 8..15 are the negative values -8..-1
            nibble = ops.subtract(ops.bitwise_xor(nibble, 8), 8)
        halves.append(ops.cast(nibble, dtype))
    interleaved = ops.reshape(ops.stack(halves, axis=1), (-1,) + tuple(x.shape[1:]))
    return ops.moveaxis(interleaved[:orig_len], 0, axis)


def _check_dtype(dtype):
    if dtype not in ("int8", "uint8"):
        raise ValueError(f"Expected dtype to be 'int8' or 'uint8', but got '{dtype}'.")
