"""The JAX engine: the only package in kerax that imports jax."""
from kerax.backend.jax import checks, conv, core, ctc, math, nn, numpy, random, rnn, slicing, trainer
from kerax.backend.jax.core import (
    Variable, block_until_ready, cast, compute_output_spec, cond, convert_to_numpy, convert_to_tensor,
    device_put, fori_loop, is_tensor, is_traced, jit, scan, shape, stop_gradient, value_and_grad, while_loop,
)

NAME = "jax"

trainer.enable_persistent_compilation_cache()
