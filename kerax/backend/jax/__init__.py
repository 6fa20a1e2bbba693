"""The JAX engine: the only package in kerax that imports jax."""
from kerax.backend.jax import (
    checks, control_flow, conv, core, ctc, einops, linalg, math, nn, numpy, random, rnn, scatter, stft, tensor_ops,
    trainer,
)
from kerax.backend.jax.control_flow import cond, fori_loop, scan, while_loop
from kerax.backend.jax.core import (
    Variable, block_until_ready, cast, compute_output_spec, convert_to_numpy, convert_to_tensor, device_put,
    is_tensor, is_traced, jit, shape, stop_gradient, value_and_grad,
)

NAME = "jax"

trainer.enable_persistent_compilation_cache()
