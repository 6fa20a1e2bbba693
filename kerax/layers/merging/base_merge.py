"""Merge: the shared base of the layers that combine a list of tensors elementwise (Add, Multiply, ...).
Inputs broadcast against each other as in NumPy; an input of lower rank gains axes right after the batch."""
from kerax import ops
from kerax.layers.layer import Layer


class Merge(Layer):
    exact_inputs = None  # Subtract needs exactly 2

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def _merge_function(self, inputs):
        raise NotImplementedError(f"{type(self).__name__} does not implement _merge_function().")

    def build(self, input_shape):
        self._output_sample_shape(self._checked_shapes(input_shape))
        self.built = True

    def call(self, inputs):
        shapes = [tuple(x.shape) for x in inputs] if isinstance(inputs, (list, tuple)) else inputs
        self._checked_shapes(shapes)  # e.g. a Subtract built on 2 inputs, later called on 3
        rank = max(x.ndim for x in inputs)
        aligned = []
        for x in inputs:
            while x.ndim < rank:
                x = ops.expand_dims(x, 1)
            aligned.append(x)
        return self._merge_function(aligned)

    def compute_output_shape(self, input_shape):
        shapes = self._checked_shapes(input_shape)
        return (_batch_size(shapes),) + self._output_sample_shape(shapes)

    def compute_mask(self, inputs, previous_mask=None):
        """The logical AND of the inputs' masks; None when no input is masked."""
        masks = [m for m in (previous_mask if isinstance(previous_mask, (list, tuple)) else [previous_mask])
                 if m is not None]
        if not masks:
            return None
        combined = masks[0]
        for m in masks[1:]:
            combined = ops.logical_and(combined, m)
        return combined

    # --- input checks -------------------------------------------------------------------------------------
    def _checked_shapes(self, input_shape):
        name = type(self).__name__
        if not isinstance(input_shape, (list, tuple)) or not all(
                isinstance(s, (list, tuple)) for s in input_shape) or not input_shape:
            raise ValueError(
                f'A `{name}` layer ("{self.name}") should be called on a list of inputs. Received: '
                f"input_shape={input_shape}"
            )
        shapes = [tuple(s) for s in input_shape]
        if self.exact_inputs is not None and len(shapes) != self.exact_inputs:
            raise ValueError(
                f'A `{name}` layer ("{self.name}") should be called on exactly {self.exact_inputs} inputs. '
                f"Received {len(shapes)} inputs with shapes {shapes}"
            )
        _batch_size(shapes)
        return shapes

    def _output_sample_shape(self, shapes):
        """The broadcast of the inputs' per-sample shapes; an error names the incompatible shapes."""
        samples = [s[1:] for s in shapes]
        rank = max(len(s) for s in samples)
        out = [1] * rank
        for s in samples:
            padded = (1,) * (rank - len(s)) + s
            for i, d in enumerate(padded):
                if d == 1:
                    continue
                if out[i] == 1 or out[i] is None or d is None:
                    out[i] = d if out[i] == 1 else None
                elif d != out[i]:
                    raise ValueError(
                        f'Inputs of layer "{self.name}" ({type(self).__name__}) have incompatible shapes. '
                        f"Received shapes {shapes}"
                    )
        return tuple(out)


def _batch_size(shapes):
    sizes = {s[0] for s in shapes if s} - {None}
    if len(sizes) > 1:
        raise ValueError(
            f"Cannot merge tensors with different batch sizes. Received tensors with shapes {shapes}"
        )
    return sizes.pop() if sizes else None


def reduce_pairwise(op, inputs):
    """`op(op(inputs[0], inputs[1]), inputs[2])...`"""
    output = inputs[0]
    for x in inputs[1:]:
        output = op(output, x)
    return output
