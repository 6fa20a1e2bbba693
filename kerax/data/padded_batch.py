"""padded_batch: batches of variable-shape elements, each component padded to the largest shape in its batch
or to the shape `padded_shapes` gives it (None or -1 in a shape: pad that axis to the batch's largest)."""
import numpy as np

from kerax.data import structure
from kerax.data.batching import Batch, groups
from kerax.data.tensor_spec import TensorSpec
from kerax import tree


class PaddedBatch(Batch):
    def __init__(self, child, batch_size, padded_shapes, padding_values, drop_remainder):
        super().__init__(child, batch_size, drop_remainder)
        self.padded_shapes, self.padding_values = padded_shapes, padding_values

    def iterate(self):
        return map(self._pad, groups(self.child.iterate(), self.size, self.drop_remainder))

    def _pad(self, elements):
        first = elements[0]
        columns = list(zip(*(tree.flatten(e) for e in elements)))
        shapes = _per_component(first, self.padded_shapes, len(columns))
        values = _per_component(first, self.padding_values, len(columns))
        return structure.pack(first, [_pad_column(c, s, v) for c, s, v in zip(columns, shapes, values)])

    def spec(self):
        def unknown(spec):
            return TensorSpec(None if spec.shape is None else (None,) * (len(spec.shape) + 1), spec.dtype)

        return tree.map_structure(unknown, self.child.spec())


def _per_component(element, value, count):
    """`value` flattened in the element's order when it mirrors the element, else repeated for every leaf."""
    if tree.is_nested(element) and tree.is_nested(value):
        return _flatten_like(element, value)
    return [value] * count


def _flatten_like(layout, value):
    # Follows the element's structure, so shapes (tuples themselves) stay whole.
    if isinstance(layout, dict):
        return [x for k in sorted(layout) for x in _flatten_like(layout[k], value[k])]
    if isinstance(layout, (tuple, list)):
        return [x for part, v in zip(layout, value) for x in _flatten_like(part, v)]
    return [value]


def _pad_column(parts, shape, value):
    rank = parts[0].ndim
    if shape is not None and len(shape) != rank:
        raise ValueError(
            f"padded_shapes {tuple(shape)} has rank {len(shape)}, but the component has rank {rank}."
        )
    target = [max(p.shape[d] for p in parts) for d in range(rank)]
    for d in range(rank):
        if shape is not None and shape[d] is not None and shape[d] >= 0:
            if shape[d] < target[d]:
                raise ValueError(
                    f"An element of shape {parts[0].shape} does not fit the padded shape {tuple(shape)}."
                )
            target[d] = shape[d]
    fill = value if value is not None else ("" if parts[0].dtype.kind in "US" else 0)
    batch = np.full((len(parts), *target), fill, dtype=parts[0].dtype)
    for i, part in enumerate(parts):
        batch[(i, *(slice(0, s) for s in part.shape))] = part
    return batch
