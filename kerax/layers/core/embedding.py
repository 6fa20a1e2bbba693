"""Embedding: integer ids in [0, input_dim) -> rows of a learned (input_dim, output_dim) matrix."""
from kerax import backend, constraints, initializers, ops, regularizers
from kerax.layers.core.embedding_quantization import EmbeddingQuantization
from kerax.layers.layer import Layer
from kerax.layers.legacy_arguments import pop_legacy


class Embedding(EmbeddingQuantization, Layer):
    def __init__(self, input_dim, output_dim, embeddings_initializer="uniform", embeddings_regularizer=None,
                 embeddings_constraint=None, mask_zero=False, weights=None, lora_rank=None, **kwargs):
        embeddings_initializer = pop_legacy(kwargs, "init", embeddings_initializer)
        embeddings_regularizer = pop_legacy(kwargs, "W_regularizer", embeddings_regularizer)
        embeddings_constraint = pop_legacy(kwargs, "W_constraint", embeddings_constraint)
        super().__init__(**kwargs)
        for argument, value in (("input_dim", input_dim), ("output_dim", output_dim)):
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValueError(f"Embedding: `{argument}` must be a positive integer, received {argument}={value!r}.")
        if lora_rank is not None:
            raise NotImplementedError("Embedding: LoRA (`lora_rank`) is not supported by kerax.")
        self.input_dim = input_dim
        self.output_dim = output_dim
        self.embeddings_initializer = initializers.get(embeddings_initializer)
        self.embeddings_regularizer = regularizers.get(embeddings_regularizer)
        self.embeddings_constraint = constraints.get(embeddings_constraint)
        self.mask_zero = bool(mask_zero)
        self.supports_masking = self.mask_zero
        self._initial_weights = weights

    def build(self, input_shape=None):
        self._build_embeddings(self.embeddings_initializer, self.embeddings_regularizer,
                               self.embeddings_constraint)
        self.built = True
        if self._initial_weights is not None:
            self.set_weights(list(self._initial_weights))
            self._initial_weights = None

    def call(self, inputs):
        if not backend.standardize_dtype(inputs.dtype).startswith(("int", "uint")):
            inputs = ops.cast(inputs, "int32")
        backend.check_in_range(inputs, 0, self.input_dim, self._describe_bad_id)
        # Compiled steps report a bad id when the call returns; until then it reads a real row, not NaN, so
        # the weights stay finite.
        return self._lookup(ops.clip(inputs, 0, self.input_dim - 1))

    @classmethod
    def _quantizable_class(cls):
        return Embedding

    def _describe_bad_id(self, value):
        return (
            f'Embedding layer "{self.name}" received id {value}, outside its valid range [0, {self.input_dim}) '
            f"(input_dim={self.input_dim}). Every id must be >= 0 and < input_dim: make input_dim larger than "
            "the largest id (e.g. the vocabulary size + 1 when ids start at 1)."
        )

    def compute_mask(self, inputs, previous_mask=None):
        if not self.mask_zero:
            return None
        return ops.not_equal(inputs, 0)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape) + (self.output_dim,)

    def get_config(self):
        return {
            **super().get_config(),
            "input_dim": self.input_dim,
            "output_dim": self.output_dim,
            "embeddings_initializer": initializers.serialize(self.embeddings_initializer),
            "embeddings_regularizer": regularizers.serialize(self.embeddings_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "embeddings_constraint": constraints.serialize(self.embeddings_constraint),
            "mask_zero": self.mask_zero,
        }
