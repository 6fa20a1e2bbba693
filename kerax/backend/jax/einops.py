"""`rearrange`: einops-style axis reordering, splitting and merging (JAX), e.g. "b (h w) c -> b c h w"."""
import math
import re

import jax.numpy as jnp

from kerax.backend.jax.tensors import compiled, tensor as as_tensor

__all__ = ["rearrange"]


def _groups(side, pattern):
    """'b (h w) c' -> [['b'], ['h', 'w'], ['c']]."""
    groups, open_group = [], None
    for token in re.findall(r"\(|\)|\w+|\S", side):
        if token == "(" and open_group is None:
            open_group = []
        elif token == ")" and open_group is not None:
            groups.append(open_group)
            open_group = None
        elif re.fullmatch(r"\w+", token) and open_group is None:
            groups.append([token])
        elif re.fullmatch(r"\w+", token):
            open_group.append(token)
        else:
            raise ValueError(f"rearrange: cannot read the pattern {pattern!r} (at {token!r}); expected names and "
                             "parenthesized groups such as 'b (h w) c -> b h w c'.")
    if open_group is not None:
        raise ValueError(f"rearrange: unclosed parenthesis in the pattern {pattern!r}.")
    return groups


def _axis_sizes(source, shape, axes_lengths, pattern):
    sizes = dict(axes_lengths)
    for group, dim in zip(source, shape):
        unknown = [name for name in group if name not in sizes]
        known = math.prod(sizes[name] for name in group if name in sizes)
        if len(unknown) > 1:
            raise ValueError(f"rearrange: in {pattern!r}, give the lengths of all but one of {unknown} as "
                             "keyword arguments.")
        if unknown:
            sizes[unknown[0]] = dim // known
        if math.prod(sizes[name] for name in group) != dim:
            raise ValueError(f"rearrange: axis group {group} of {pattern!r} does not divide the dimension {dim}.")
    return sizes


def rearrange(tensor, pattern, **axes_lengths):
    return _rearrange(tensor, pattern, tuple(sorted(axes_lengths.items())))


@compiled("pattern", "axes_lengths")
def _rearrange(tensor, pattern, axes_lengths):
    x = as_tensor(tensor)
    if pattern.count("->") != 1:
        raise ValueError(f"rearrange: the pattern must read 'input axes -> output axes', received {pattern!r}.")
    source, target = (_groups(side, pattern) for side in pattern.split("->"))
    if len(source) != x.ndim:
        raise ValueError(f"rearrange: {pattern!r} names {len(source)} input axes but the tensor has shape "
                         f"{x.shape}.")
    names, target_names = [n for g in source for n in g], [n for g in target for n in g]
    if sorted(names) != sorted(target_names) or len(set(names)) != len(names):
        raise ValueError(f"rearrange: both sides of {pattern!r} must name the same axes, each once.")
    sizes = _axis_sizes(source, x.shape, dict(axes_lengths), pattern)
    x = jnp.reshape(x, [sizes[n] for n in names])
    x = jnp.transpose(x, [names.index(n) for n in target_names])
    return jnp.reshape(x, [math.prod(sizes[n] for n in group) for group in target])
