"""Hashing: strings and integers to one of `num_bins` buckets, on the host, with the hash Keras uses (FarmHash
Fingerprint64, or SipHash with `salt`) so the buckets equal Keras's. Integers and floats (cast to int64) are
hashed as their decimal strings; `mask_value` goes to bucket 0 and the others to 1..num_bins-1."""
import numpy as np

from kerax import backend
from kerax.layers.preprocessing.host_encoding import encode, encoded_shape
from kerax.layers.preprocessing.host_layer import HostLayer
from kerax.layers.preprocessing.lookup_options import check_sparse, salt_pair
from kerax.layers.preprocessing.string_hashing import hash_buckets
from kerax.layers.preprocessing.vocabulary import as_tokens

OUTPUT_MODES = ("int", "one_hot", "multi_hot", "count")


class Hashing(HostLayer):
    def __init__(self, num_bins, mask_value=None, salt=None, output_mode="int", sparse=False, **kwargs):
        if kwargs.get("dtype") is None:
            kwargs["dtype"] = "int64" if output_mode == "int" else backend.floatx()
        super().__init__(**kwargs)
        if num_bins is None or num_bins <= 0:
            raise ValueError(f"The `num_bins` for `Hashing` cannot be `None` or non-positive values. "
                             f"Received: num_bins={num_bins}.")
        if output_mode == "int" and self.dtype_policy.name not in ("int32", "int64"):
            raise ValueError(f"When `output_mode=\"int\"`, `dtype` should be an integer type, 'int32' or "
                             f"'in64'. Received: dtype={kwargs['dtype']}")
        if output_mode not in OUTPUT_MODES:
            raise ValueError(f"Invalid value for argument `output_mode`. Expected one of {OUTPUT_MODES}. "
                             f"Received: output_mode={output_mode}")
        check_sparse(sparse)
        self.num_bins, self.mask_value = num_bins, mask_value
        self.output_mode, self.sparse = output_mode, sparse
        self.strong_hash = salt is not None
        self.salt = salt_pair(salt)

    def call(self, inputs):
        values = np.asarray(inputs)
        bins = self.num_bins
        mask = None
        if self.mask_value is not None and bins > 1:
            bins -= 1
            mask = values == self.mask_value
        if values.dtype.kind == "f":
            values = values.astype(np.int64)
        texts = as_tokens(values, "string") if values.dtype.kind in "USO" else values.astype(str)
        indices = hash_buckets(texts, bins, key=self.salt)
        if mask is not None:
            indices = np.where(mask, 0, indices + 1)
        return encode(indices, self.output_mode, self.num_bins, self.output_dtype())

    def compute_output_shape(self, input_shape):
        return encoded_shape(input_shape, self.output_mode, self.num_bins)

    def output_dtype(self):
        return self.dtype_policy.name

    def get_config(self):
        return {**super().get_config(), "num_bins": self.num_bins, "salt": self.salt,
                "mask_value": self.mask_value, "output_mode": self.output_mode, "sparse": self.sparse}
