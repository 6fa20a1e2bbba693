"""The weight and output shapes of an EinsumDense equation. Supported forms (as Keras): "ab,bc->ac" (no
ellipsis), "...b,bc->...c" (leading axes elided) and "abc...,cd->abd..." (trailing axes elided). The first
input and output axis is the batch; `output_shape` gives the other output axes (None = as the input's)."""
import re


def einsum_shapes(equation, bias_axes, input_shape, output_shape):
    """(kernel shape, bias shape or None, full output shape)."""
    input_spec, kernel_spec, output_spec, left = _split(equation)
    elided = len(input_shape) - len(input_spec)
    output = [input_shape[0], *output_shape]
    if elided > 0:
        output[1:1] = list(input_shape[1:elided]) if left else []
        if not left:
            output.extend(input_shape[len(input_shape) - elided:])
    offset = elided if left else 0
    input_axes = {d: i + offset for i, d in enumerate(input_spec)}
    output_axes = {d: i + offset for i, d in enumerate(output_spec)}
    for d in input_spec:
        if d in output_axes and output[output_axes[d]] not in (None, input_shape[input_axes[d]]):
            raise ValueError(f"EinsumDense: the input and output shapes differ on the shared axis {d!r} of "
                             f"{equation!r}: input {input_shape[input_axes[d]]}, output "
                             f"{output[output_axes[d]]}.")
        if d in output_axes and output[output_axes[d]] is None:
            output[output_axes[d]] = input_shape[input_axes[d]]
    for d in output_spec:
        if d not in input_spec and d not in kernel_spec:
            raise ValueError(f"EinsumDense: output axis {d!r} of {equation!r} is in neither the input nor "
                             "the kernel.")
    kernel = []
    for d in kernel_spec:
        if d not in output_axes and d not in input_axes:
            raise ValueError(f"EinsumDense: kernel axis {d!r} of {equation!r} is in neither the input nor "
                             "the output, so its size is unknown.")
        kernel.append(output[output_axes[d]] if d in output_axes else input_shape[input_axes[d]])
    return kernel, _bias_shape(bias_axes, output_spec, output, offset, 0 if left else elided), output


def _split(equation):
    """(input spec, kernel spec, output spec, whether leading axes are elided)."""
    forms = ((r"([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)", False),
             (r"0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)", True),
             (r"([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0", False))
    compact = equation.replace("...", "0")
    for pattern, left in forms:
        match = re.fullmatch(pattern, compact)
        if match:
            return (*match.groups(), left)
    raise ValueError(f"EinsumDense: invalid equation {equation!r}; expected the form 'ab,bc->ac', "
                     "'...b,bc->...c' or 'abc...,cd->abd...'.")


def _bias_shape(bias_axes, output_spec, output, offset, trailing):
    """The bias covers the output from its first biased axis on, with 1 on the unbiased ones."""
    if bias_axes is None:
        return None
    for d in bias_axes:
        if d not in output_spec:
            raise ValueError(f"EinsumDense: bias axis {d!r} is not an axis of the output {output_spec!r}.")
    first = min(output_spec.index(d) for d in bias_axes)
    sizes = {d: output[i + offset] for i, d in enumerate(output_spec)}
    return [sizes[d] if d in bias_axes else 1 for d in output_spec[first:]] + [1] * trailing


def expanded_specs(equation, input_rank):
    """(input, kernel, output) specs with the elided axes ("...") given letters of their own."""
    input_spec, kernel_spec, output_spec, left = _split(equation)
    elided = input_rank - len(input_spec)
    if elided <= 0:
        return input_spec, kernel_spec, output_spec
    used = set(input_spec + kernel_spec + output_spec)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    extra = "".join([c for c in letters if c not in used][:elided])
    if left:
        return extra + input_spec, kernel_spec, extra + output_spec
    return input_spec + extra, kernel_spec, output_spec + extra
