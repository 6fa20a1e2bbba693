"""HashedCrossing: crosses two or more categorical features (strings or integers of shape (), (batch,) or
(batch, 1)) into one of `num_bins` buckets, as TensorFlow's `sparse.cross_hashed`: string values are
fingerprinted, integers taken as they are, and the values chained with FingerprintCat64 from the default key.
"""
import numpy as np

from kerax import backend
from kerax.layers.preprocessing.host_encoding import encode
from kerax.layers.preprocessing.host_layer import HostLayer
from kerax.layers.preprocessing.lookup_options import check_choice, check_sparse
from kerax.layers.preprocessing.string_hashing import fingerprint64
from kerax.layers.preprocessing.vocabulary import as_tokens

_DEFAULT_HASH_KEY = np.uint64(0xDECAFCAFFE)
_MUL = np.uint64(0xC6A4A7935BD1E995)


def _shift_mix(v):
    return v ^ (v >> np.uint64(47))


def _fingerprint_cat(first, second):
    out = ((first ^ _MUL) ^ (_shift_mix(second * _MUL) * _MUL)) * _MUL
    return _shift_mix(_shift_mix(out) * _MUL)


class HashedCrossing(HostLayer):
    def __init__(self, num_bins, output_mode="int", sparse=False, name=None, dtype=None, **kwargs):
        if output_mode == "int" and dtype is None:
            dtype = "int64"
        super().__init__(name=name, dtype=dtype, **kwargs)
        check_sparse(sparse)
        check_choice(type(self).__name__, "output_mode", output_mode, ("int", "one_hot"))
        self.num_bins, self.output_mode, self.sparse = num_bins, output_mode, sparse

    def __call__(self, inputs, *args, **kwargs):
        if not isinstance(inputs, (list, tuple)) or len(inputs) < 2:
            raise ValueError("`HashedCrossing` should be called on a list or tuple of at least two inputs. "
                             f"Received: inputs={inputs}")
        return super().__call__(tuple(inputs), *args, **kwargs)

    def call(self, inputs):
        shape = inputs[0].shape
        if len(shape) > 2 or (len(shape) == 2 and shape[-1] != 1):
            raise ValueError("All `HashedCrossing` inputs should have shape `()`, `(batch_size)` or "
                             f"`(batch_size, 1)`. Received: inputs={inputs}")
        if any(x.shape != shape for x in inputs):
            raise ValueError(f"All `HashedCrossing` inputs should have equal shape. Received: "
                             f"inputs={inputs}")
        hashed = np.full(int(np.prod(shape)), _DEFAULT_HASH_KEY, dtype=np.uint64)
        for feature in inputs:
            hashed = _fingerprint_cat(hashed, self._feature_hash(feature.reshape(-1)))
        indices = (hashed % np.uint64(self.num_bins)).astype(np.int64).reshape(shape)
        return encode(indices, self.output_mode, self.num_bins, self.output_dtype())

    def _feature_hash(self, values):
        if values.dtype.kind in "USO":
            return fingerprint64(as_tokens(values, "string"))
        if values.dtype.kind not in "iu":
            raise ValueError("All `HashedCrossing` inputs should have an integer or string dtype. Received: "
                             f"dtype={values.dtype}")
        return values.astype(np.int64).view(np.uint64)

    def compute_output_shape(self, input_shape):
        first = tuple(input_shape[0])
        if self.output_mode == "int":
            return first
        if first and first[-1] == 1:
            return first[:-1] + (self.num_bins,)
        return first + (self.num_bins,)

    def output_dtype(self):
        return self.dtype_policy.name if self.output_mode == "int" else backend.floatx()

    def get_config(self):
        return {"num_bins": self.num_bins, "output_mode": self.output_mode, "sparse": self.sparse,
                "name": self.name, "dtype": self.dtype_policy.name}
