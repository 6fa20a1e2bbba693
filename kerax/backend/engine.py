"""Loads the engine chosen once by config (KERAX_BACKEND, else ~/.kerax/kerax.json, else 'jax') and gives the
names of the backend contract (contract.py) from it."""
from kerax.backend import config

if config.backend() == "jax":
    from kerax.backend.jax import *  # noqa: F401,F403 (exactly the contract's names: see its __all__)
elif config.backend() == "torch":
    raise NotImplementedError(
        "The PyTorch backend is not implemented yet. Unset KERAX_BACKEND (or set it to 'jax') to use JAX."
    )
else:
    raise ValueError(
        f"Unknown backend {config.backend()!r} (from KERAX_BACKEND or ~/.kerax/kerax.json). Available: 'jax'."
    )
