"""NumPy-like ops on JAX arrays (the `keras.ops.numpy` family), in parts by kind. Each accepts Variables, NumPy
arrays and nested lists wherever it accepts arrays."""
from kerax.backend.jax.numpy_creation import *  # noqa: F401,F403 (each part lists its names in __all__)
from kerax.backend.jax.numpy_elementwise import *  # noqa: F401,F403
from kerax.backend.jax.numpy_indexing import *  # noqa: F401,F403
from kerax.backend.jax.numpy_linear import *  # noqa: F401,F403
from kerax.backend.jax.numpy_reductions import *  # noqa: F401,F403
from kerax.backend.jax.numpy_shapes import *  # noqa: F401,F403
