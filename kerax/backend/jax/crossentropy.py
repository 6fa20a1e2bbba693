"""Cross-entropies between targets and predicted probabilities (or logits), per sample (JAX). Probabilities are
clipped to [epsilon, 1 - epsilon] before the log, as in Keras."""
import jax
import jax.numpy as jnp

from kerax.backend import config
from kerax.backend.jax.tensors import as_float, compiled, tensor

__all__ = ["binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy"]


def _same_shape(name, target, output):
    if target.shape != output.shape:
        raise ValueError(f"{name}: `target` and `output` must have the same shape, received target.shape="
                         f"{target.shape} and output.shape={output.shape}.")


def _log_probabilities(output, from_logits, axis):
    if from_logits:
        return jax.nn.log_softmax(output, axis=axis)
    output = output / jnp.sum(output, axis=axis, keepdims=True)
    return jnp.log(jnp.clip(output, config.epsilon(), 1.0 - config.epsilon()))


@compiled("from_logits")
def binary_crossentropy(target, output, from_logits=False):
    target, output = as_float(target), as_float(output)
    _same_shape("binary_crossentropy", target, output)
    if from_logits:
        return -target * jax.nn.log_sigmoid(output) - (1.0 - target) * jax.nn.log_sigmoid(-output)
    output = jnp.clip(output, config.epsilon(), 1.0 - config.epsilon())
    return -(target * jnp.log(output) + (1.0 - target) * jnp.log(1.0 - output))


@compiled("from_logits", "axis")
def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    target, output = as_float(target), as_float(output)
    _same_shape("categorical_crossentropy", target, output)
    if target.ndim < 1:
        raise ValueError("categorical_crossentropy: `target` and `output` must have rank >= 1, received scalars.")
    return -jnp.sum(target * _log_probabilities(output, from_logits, axis), axis=axis)


@compiled("from_logits", "axis")
def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1):
    target, output = tensor(target).astype("int32"), as_float(output)
    if output.ndim < 1:
        raise ValueError("sparse_categorical_crossentropy: `output` must have rank >= 1, received a scalar.")
    if target.ndim == output.ndim and target.shape[-1] == 1:
        target = jnp.squeeze(target, axis=-1)
    if target.shape != output.shape[:-1]:
        raise ValueError("sparse_categorical_crossentropy: `target` must have the shape of `output` without its "
                         f"last axis, received target.shape={target.shape} and output.shape={output.shape}.")
    one_hot = jax.nn.one_hot(target, output.shape[axis], axis=axis, dtype=output.dtype)
    return -jnp.sum(one_hot * _log_probabilities(output, from_logits, axis), axis=axis)
