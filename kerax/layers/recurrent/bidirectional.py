"""Bidirectional: runs an RNN layer forwards and a copy of it backwards over the sequence, then merges the two
outputs (the backward outputs are put back in forward time order first)."""
from kerax import ops
from kerax.layers.layer import Layer
from kerax.layers.nested import deserialize_layer
from kerax.serialization import registry as serialization

_MERGES = {
    "concat": lambda a, b: ops.concatenate([a, b], axis=-1),
    "sum": ops.add,
    "mul": ops.multiply,
    "ave": lambda a, b: ops.multiply(ops.add(a, b), 0.5),
    None: lambda a, b: [a, b],
}


class Bidirectional(Layer):
    def __init__(self, layer, merge_mode="concat", weights=None, backward_layer=None, **kwargs):
        if not isinstance(layer, Layer) or not hasattr(layer, "go_backwards"):
            raise ValueError("Bidirectional: `layer` must be a recurrent layer instance such as `LSTM(10)` or "
                             f"`GRU(10, return_sequences=True)`, received {layer!r}.")
        if merge_mode not in _MERGES:
            raise ValueError(f"Bidirectional: invalid merge_mode {merge_mode!r}. Valid modes: 'concat', 'sum', "
                             "'mul', 'ave' or None.")
        super().__init__(**kwargs)
        base = layer.name[len("forward_"):] if layer.name.startswith("forward_") else layer.name
        self.merge_mode = merge_mode
        self.return_sequences = layer.return_sequences
        self.return_state = layer.return_state
        self.forward_layer = _copy(layer, name=f"forward_{base}")
        if backward_layer is None:
            backward_layer = _copy(layer, name=f"backward_{base}", go_backwards=not layer.go_backwards)
        self.backward_layer = deserialize_layer(backward_layer)
        _check_backward_layer(self.forward_layer, self.backward_layer)
        # Padded steps give zeros rather than a repeated output, so both directions line up when merged.
        for sublayer in (self.forward_layer, self.backward_layer):
            sublayer.zero_output_for_mask = self.return_sequences
        self.supports_masking = True
        self._initial_weights = weights

    def build(self, sequences_shape):
        for sublayer in (self.forward_layer, self.backward_layer):
            if not sublayer.built:
                sublayer.build(sequences_shape)
                sublayer.built = True
            self._adopt_paths(sublayer)
        self.built = True
        if self._initial_weights is not None:
            self.set_weights(list(self._initial_weights))
            self._initial_weights = None

    def call(self, sequences, initial_state=None, mask=None, training=None):
        if isinstance(sequences, (list, tuple)):
            sequences, *extra = sequences
            initial_state = initial_state if initial_state is not None else (extra or None)
        forward_state = backward_state = None
        if initial_state is not None:
            half = len(initial_state) // 2
            forward_state, backward_state = list(initial_state[:half]), list(initial_state[half:])
        y = self.forward_layer(sequences, initial_state=forward_state, mask=mask, training=training)
        y_rev = self.backward_layer(sequences, initial_state=backward_state, mask=mask, training=training)
        states = []
        if self.return_state:
            states = list(y[1:]) + list(y_rev[1:])
            y, y_rev = y[0], y_rev[0]
        if self.return_sequences:
            y_rev = ops.flip(y_rev, axis=1)
        output = _MERGES[self.merge_mode](y, y_rev)
        if not self.return_state:
            return output
        return (output if self.merge_mode is None else [output]) + states

    def compute_mask(self, inputs, previous_mask=None):
        if isinstance(previous_mask, (list, tuple)):
            previous_mask = previous_mask[0]
        output_mask = previous_mask if self.return_sequences else None
        output_masks = [output_mask, output_mask] if self.merge_mode is None else [output_mask]
        if self.return_state:
            return output_masks + [None] * (2 * len(self.forward_layer.state_size))
        return output_masks if self.merge_mode is None else output_mask

    def get_config(self):
        return {**super().get_config(), "layer": serialization.serialize(self.forward_layer),
                "merge_mode": self.merge_mode, "backward_layer": serialization.serialize(self.backward_layer)}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["layer"] = deserialize_layer(config["layer"])
        return cls(**config)


def _copy(layer, **overrides):
    return type(layer).from_config({**layer.get_config(), **overrides})


def _check_backward_layer(forward, backward):
    if backward.go_backwards == forward.go_backwards:
        raise ValueError("Bidirectional: `backward_layer.go_backwards` must differ from `layer.go_backwards` "
                         f"(both are {forward.go_backwards}).")
    for attribute in ("return_sequences", "return_state"):
        if getattr(backward, attribute) != getattr(forward, attribute):
            raise ValueError(f"Bidirectional: `backward_layer.{attribute}` must equal `layer.{attribute}` "
                             f"({getattr(forward, attribute)}), received {getattr(backward, attribute)}.")
