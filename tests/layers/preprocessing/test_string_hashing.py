"""FarmHash Fingerprint64 and SipHash on the host, against published values: FarmHash's own self-test vectors
(farmhashna::Hash64 of slices of its generated test data) and the bucket numbers in Keras's documentation."""
import numpy as np

from kerax.layers.preprocessing.string_hashing import fingerprint64, hash_buckets

# farmhash.cc's farmhashnaTest: Hash64(data + i * i, i) for the data its Setup() generates.
FARMHASH_VECTORS = {3: 0xEF923A7A1AF78EAB, 7: 0x1B5A063FB4C7F9F1, 12: 0xE3F6828B6017086D,
                    20: 0x4182832B52D63735, 40: 0x1596FBB269FB44E, 64: 0xDEF74BF4C9F1BC1B,
                    65: 0x3CCEAB392BC39B3F, 100: 0x5AD36F677825CE0, 128: 0xF4A9A248B462909D,
                    200: 0x40F32EB90E5CAA01}


def _farmhash_test_data(size):
    k0, mask = 0xC3A5C85C97CB3127, 2**64 - 1
    a, b, data = 9, 777, bytearray()
    for i in range(size):
        a = (a + b) & mask
        b = (b + a) & mask
        a = ((a ^ (a >> 41)) * k0) & mask
        b = (((b ^ (b >> 41)) * k0) + i) & mask
        data.append((b >> 37) & 0xFF)
    return bytes(data)


def test_fingerprint64_matches_farmhash_self_test_vectors():
    data = _farmhash_test_data(200 * 200 + 200)
    strings = np.array([data[n * n:n * n + n] for n in FARMHASH_VECTORS], dtype=object)
    got = fingerprint64(strings.astype("S"))
    assert [int(v) for v in got] == list(FARMHASH_VECTORS.values())


def test_bucket_values_from_keras_documentation():
    letters = np.array(["A", "B", "C", "D", "E"])
    assert hash_buckets(letters, 3).tolist() == [1, 0, 1, 1, 2]  # Hashing(num_bins=3)
    assert hash_buckets(letters, 3, key=[133, 137]).tolist() == [1, 2, 1, 0, 2]  # salt=[133, 137]
    assert hash_buckets(letters, 3, key=[133, 133]).tolist() == [0, 0, 2, 1, 0]  # salt=133
    numbers = np.array(["100", "300", "700", "1100", "1700", "2000"])
    assert hash_buckets(numbers, 4).tolist() == [3, 3, 2, 2, 0, 1]  # IntegerLookup(oov_method="farmhash")
    assert hash_buckets(np.array([["m", "z"]]), 2).tolist() == [[0, 1]]  # shape kept
