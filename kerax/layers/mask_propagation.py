"""How masks travel between layer calls, as in Keras: a layer receives the masks attached to its input tensors
(unless `mask=` is passed), and its outputs carry `compute_mask(inputs, mask)`. One rule for eager calls,
traced calls (inside a compiled step) and the runs of a functional graph; symbolic outputs get mask specs."""
from kerax import backend, tree
from kerax.backend import KerasTensor, get_keras_mask, set_keras_mask


def combined(masks):
    """The `mask` a layer receives for the masks of its input tensors: one mask, a list, or None."""
    if not any(m is not None for m in masks):
        return None
    return masks[0] if len(masks) == 1 else list(masks)


def input_tensors(args, kwargs):
    return [x for x in tree.flatten((args, kwargs)) if backend.is_tensor(x) or isinstance(x, KerasTensor)]


def argument_masks(layer, args, kwargs, mask_of):
    """For layers that take one mask per tensor argument (`mask_arguments`, e.g. MultiHeadAttention's
    {"query": "query_mask", ...}): the masks of those arguments' tensors, unless the call passed them."""
    names = getattr(layer, "mask_arguments", None)
    if not names:
        return {}
    bound = layer._call_signature.bind_partial(*args, **kwargs).arguments
    found = {}
    for argument, mask_keyword in names.items():
        tensor = bound.get(argument)
        mask = None if tensor is None or bound.get(mask_keyword) is not None else mask_of(tensor)
        if mask is not None:
            found[mask_keyword] = mask
    return found


def _gives_masks(layer, first_input, previous_mask):
    """Whether the layer's outputs get a mask: it computes its own, or passes on the one it received."""
    if first_input is None:
        return False
    return layer._overrides_compute_mask() or (layer.supports_masking and previous_mask is not None)


def _spread(masks, count):
    if isinstance(masks, (list, tuple)):
        return list(masks) + [None] * (count - len(masks))
    return [masks] * count


def attach_output_masks(layer, first_input, outputs, previous_mask):
    """Attaches the layer's output masks to the eager (or traced) `outputs`; an output that already carries
    a mask (set by an inner layer) keeps it."""
    if not _gives_masks(layer, first_input, previous_mask):
        return
    flat = tree.flatten(outputs)
    if all(get_keras_mask(x) is not None for x in flat):
        return
    masks = layer.compute_mask(first_input, previous_mask)
    if masks is None:
        return
    for x, mask in zip(flat, _spread(masks, len(flat))):
        if mask is not None and get_keras_mask(x) is None:
            set_keras_mask(x, mask)


def attach_symbolic_masks(layer, first_input, outputs, previous_mask):
    """Gives symbolic outputs the specs of their masks (what `x._keras_mask` shows on a KerasTensor)."""
    if not _gives_masks(layer, first_input, previous_mask):
        return
    specs = backend.compute_output_spec(layer.compute_mask, first_input, previous_mask)
    if specs is None:
        return
    flat = [x for x in tree.flatten(outputs) if isinstance(x, KerasTensor)]
    for x, spec in zip(flat, _spread(specs, len(flat))):
        if isinstance(spec, KerasTensor):
            x._keras_mask = spec
