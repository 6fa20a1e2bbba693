"""CategoryEncoding: integer category ids to one-hot, multi-hot or (optionally weighted) count vectors of
`num_tokens` entries; computed with kerax.ops, so it also runs inside compiled steps."""
from kerax.layers.layer import Layer
from kerax.layers.preprocessing import device_encoding
from kerax.layers.preprocessing.host_encoding import encoded_shape
from kerax.layers.preprocessing.lookup_options import check_sparse
from kerax import backend


class CategoryEncoding(Layer):
    def __init__(self, num_tokens=None, output_mode="multi_hot", sparse=False, **kwargs):
        super().__init__(**kwargs)
        if output_mode == "binary":
            output_mode = "multi_hot"
        if output_mode not in ("count", "one_hot", "multi_hot"):
            raise ValueError(f"Unknown arg for output_mode: {output_mode}")
        if num_tokens is None:
            raise ValueError("num_tokens must be set to use this layer. If the number of tokens is not known "
                             "beforehand, use the IntegerLookup layer instead.")
        if num_tokens < 1:
            raise ValueError(f"`num_tokens` must be >= 1. Received: num_tokens={num_tokens}.")
        check_sparse(sparse)
        self.num_tokens, self.output_mode, self.sparse = num_tokens, output_mode, sparse

    def call(self, inputs, count_weights=None):
        if count_weights is not None and self.output_mode != "count":
            raise ValueError("`count_weights` is not used when `output_mode` is not `'count'`. Received "
                             f"`count_weights={count_weights}`.")
        inputs = inputs if backend.is_tensor(inputs) else backend.convert_to_tensor(inputs)
        if backend.standardize_dtype(inputs.dtype).startswith(("float", "bfloat")):
            inputs = backend.cast(inputs, "int32")
        return device_encoding.encode(inputs, self.output_mode, self.num_tokens, self.compute_dtype,
                                      count_weights)

    def compute_output_shape(self, input_shape):
        if self.output_mode == "one_hot" and len(input_shape) == 1:
            return tuple(input_shape) + (self.num_tokens,)
        return encoded_shape(input_shape, self.output_mode, self.num_tokens)

    def get_config(self):
        return {**super().get_config(), "num_tokens": self.num_tokens, "output_mode": self.output_mode}
