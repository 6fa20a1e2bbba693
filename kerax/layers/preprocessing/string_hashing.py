"""Stable string hashes on the host, vectorised with NumPy over whole arrays of strings: FarmHash's
Fingerprint64 (farmhashna::Hash64, what TensorFlow's `to_hash_bucket_fast` and Keras's `Hashing` use) and
SipHash-2-4 with a 128-bit key (`to_hash_bucket_strong`, Keras's `salt`). Both give Keras's bucket numbers.

Strings are UTF-8 encoded into one zero-padded byte matrix; each length class of FarmHash and each 64-byte
round of the long-string loop runs once for all the rows that need it. (A string's trailing NUL bytes are
not seen: NumPy's fixed-width byte strings drop them.)
"""
import numpy as np

_K0, _K1, _K2 = np.uint64(0xC3A5C85C97CB3127), np.uint64(0xB492B66FBE98F273), np.uint64(0x9AE16A3B2F90404F)
_U = np.uint64


def to_bytes_matrix(strings):
    """(uint8 [N, width] zero-padded UTF-8 bytes, int64 [N] byte lengths) of a flat array of strings."""
    strings = np.asarray(strings).reshape(-1)
    encoded = strings if strings.dtype.kind == "S" else np.char.encode(strings.astype(str), "utf-8")
    encoded = encoded.astype(f"S{max(encoded.dtype.itemsize, 1)}")
    width = encoded.dtype.itemsize + 64  # room for reads of up to 64 bytes past the end
    matrix = np.zeros((len(encoded), width), dtype=np.uint8)
    matrix[:, :encoded.dtype.itemsize] = encoded.view(np.uint8).reshape(len(encoded), -1)
    return matrix, np.char.str_len(encoded).astype(np.int64)


def _fetch(buf, offset, size=8):
    """Little-endian unsigned integers of `size` bytes read at byte `offset` (one per row)."""
    offset = np.broadcast_to(np.asarray(offset, dtype=np.int64), (buf.shape[0],))
    columns = offset[:, None] + np.arange(size)
    octets = buf[np.arange(buf.shape[0])[:, None], columns].astype(np.uint64)
    return np.sum(octets << (np.arange(size, dtype=np.uint64) * _U(8)), axis=1, dtype=np.uint64)


def _rotr(v, shift):
    return (v >> _U(shift)) | (v << _U(64 - shift))


def _shift_mix(v):
    return v ^ (v >> _U(47))


def _hash_len16(u, v, mul):
    a = _shift_mix((u ^ v) * mul)
    b = _shift_mix((v ^ a) * mul)
    return b * mul


def _len_0_to_16(buf, n):
    mul = _K2 + n.astype(np.uint64) * _U(2)
    a8 = _fetch(buf, 0) + _K2
    b8 = _fetch(buf, np.maximum(n - 8, 0))
    long8 = _hash_len16(_rotr(b8, 37) * mul + a8, (_rotr(a8, 25) + b8) * mul, mul)
    a4 = _fetch(buf, 0, 4)
    long4 = _hash_len16(n.astype(np.uint64) + (a4 << _U(3)), _fetch(buf, np.maximum(n - 4, 0), 4), mul)
    rows = np.arange(len(n))
    first, middle, last = (buf[rows, i].astype(np.uint64) for i in (0, n >> 1, np.maximum(n - 1, 0)))
    y = (first + (middle << _U(8))) & _U(0xFFFFFFFF)
    z = (n.astype(np.uint64) + (last << _U(2))) & _U(0xFFFFFFFF)
    short = _shift_mix(y * _K2 ^ z * _K0) * _K2
    return np.where(n >= 8, long8, np.where(n >= 4, long4, np.where(n > 0, short, _K2)))


def _len_17_to_32(buf, n):
    mul = _K2 + n.astype(np.uint64) * _U(2)
    a, b = _fetch(buf, 0) * _K1, _fetch(buf, 8)
    c, d = _fetch(buf, n - 8) * mul, _fetch(buf, n - 16) * _K2
    return _hash_len16(_rotr(a + b, 43) + _rotr(c, 30) + d, a + _rotr(b + _K2, 18) + c, mul)


def _len_33_to_64(buf, n):
    mul = _K2 + n.astype(np.uint64) * _U(2)
    a, b = _fetch(buf, 0) * _K2, _fetch(buf, 8)
    c, d = _fetch(buf, n - 8) * mul, _fetch(buf, n - 16) * _K2
    y = _rotr(a + b, 43) + _rotr(c, 30) + d
    z = _hash_len16(y, a + _rotr(b + _K2, 18) + c, mul)
    e, f = _fetch(buf, 16) * mul, _fetch(buf, 24)
    g, h = (y + _fetch(buf, n - 32)) * mul, (z + _fetch(buf, n - 24)) * mul
    return _hash_len16(_rotr(e + f, 43) + _rotr(g, 30) + h, e + _rotr(f + a, 18) + g, mul)


def _weak_hash_32(buf, offset, a, b):
    w, x, y, z = (_fetch(buf, offset + k) for k in (0, 8, 16, 24))
    a = a + w
    b = _rotr(b + a + z, 21)
    c = a
    a = a + x + y
    return a + z, b + _rotr(a, 44) + c


def _len_over_64(buf, n):
    x = np.full(len(n), 81, dtype=np.uint64)
    y = x * _K1 + _U(113)
    z = _shift_mix(y * _K2 + _U(113)) * _K2
    v0 = v1 = w0 = w1 = np.zeros(len(n), dtype=np.uint64)
    x = x * _K2 + _fetch(buf, 0)
    rounds = (n - 1) // 64
    for step in range(int(rounds.max())):
        active, s = step < rounds, step * 64
        nx = _rotr(x + y + v0 + _fetch(buf, s + 8), 37) * _K1
        ny = _rotr(y + v1 + _fetch(buf, s + 48), 42) * _K1
        nx = nx ^ w1
        ny = ny + v0 + _fetch(buf, s + 40)
        nz = _rotr(z + w0, 33) * _K1
        nv0, nv1 = _weak_hash_32(buf, s, v1 * _K1, nx + w0)
        nw0, nw1 = _weak_hash_32(buf, s + 32, nz + w1, ny + _fetch(buf, s + 16))
        x, y, z, v0, v1, w0, w1 = (np.where(active, new, old) for new, old in
                                   ((nz, x), (ny, y), (nx, z), (nv0, v0), (nv1, v1), (nw0, w0), (nw1, w1)))
    mul = _K1 + ((z & _U(0xFF)) << _U(1))
    last = n - 64
    w0 = w0 + ((n - 1) & 63).astype(np.uint64)
    v0 = v0 + w0
    w0 = w0 + v0
    x = _rotr(x + y + v0 + _fetch(buf, last + 8), 37) * mul
    y = _rotr(y + v1 + _fetch(buf, last + 48), 42) * mul
    x = x ^ (w1 * _U(9))
    y = y + v0 * _U(9) + _fetch(buf, last + 40)
    z = _rotr(z + w0, 33) * mul
    v0, v1 = _weak_hash_32(buf, last, v1 * mul, x + w0)
    w0, w1 = _weak_hash_32(buf, last + 32, z + w1, y + _fetch(buf, last + 16))
    x, z = z, x
    return _hash_len16(_hash_len16(v0, w0, mul) + _shift_mix(y) * _K0 + z, _hash_len16(v1, w1, mul) + x, mul)


def fingerprint64(strings):
    """uint64 FarmHash Fingerprint64 of each string of a flat array."""
    buf, n = to_bytes_matrix(strings)
    out = np.zeros(len(n), dtype=np.uint64)
    for select, function in ((n <= 16, _len_0_to_16), ((n > 16) & (n <= 32), _len_17_to_32),
                             ((n > 32) & (n <= 64), _len_33_to_64), (n > 64, _len_over_64)):
        if select.any():
            out[select] = function(buf[select], n[select])
    return out


def _rotl(v, shift):
    return (v << _U(shift)) | (v >> _U(64 - shift))


def _sip_rounds(v, count):
    v0, v1, v2, v3 = v
    for _ in range(count):
        v0 = v0 + v1
        v1 = _rotl(v1, 13) ^ v0
        v0 = _rotl(v0, 32)
        v2 = v2 + v3
        v3 = _rotl(v3, 16) ^ v2
        v0 = v0 + v3
        v3 = _rotl(v3, 21) ^ v0
        v2 = v2 + v1
        v1 = _rotl(v1, 17) ^ v2
        v2 = _rotl(v2, 32)
    return v0, v1, v2, v3


def siphash64(strings, key):
    """uint64 SipHash-2-4 of each string of a flat array, with `key` two 64-bit integers."""
    buf, n = to_bytes_matrix(strings)
    k0, k1 = (np.full(len(n), int(k) & 0xFFFFFFFFFFFFFFFF, dtype=np.uint64) for k in key)
    v = (k0 ^ _U(0x736F6D6570736575), k1 ^ _U(0x646F72616E646F6D), k0 ^ _U(0x6C7967656E657261),
         k1 ^ _U(0x7465646279746573))
    blocks = n // 8
    for index in range(int(blocks.max(initial=0))):
        m = _fetch(buf, index * 8)
        active = index < blocks
        mixed = _sip_rounds((v[0], v[1], v[2], v[3] ^ m), 2)
        v = tuple(np.where(active, new, old) for new, old in zip((mixed[0] ^ m, *mixed[1:]), v))
    tail = _fetch(buf, blocks * 8) | ((n.astype(np.uint64) & _U(0xFF)) << _U(56))
    v0, v1, v2, v3 = _sip_rounds((v[0], v[1], v[2], v[3] ^ tail), 2)
    v0, v1, v2, v3 = _sip_rounds((v0 ^ tail, v1, v2 ^ _U(0xFF), v3), 4)
    return v0 ^ v1 ^ v2 ^ v3


def hash_buckets(strings, num_buckets, key=None):
    """int64 bucket in [0, num_buckets) of each string (same shape): Fingerprint64, or SipHash with `key`."""
    strings = np.asarray(strings)
    hashes = fingerprint64(strings) if key is None else siphash64(strings, key)
    return (hashes % np.uint64(num_buckets)).astype(np.int64).reshape(strings.shape)
