"""kerax.ops: the public NumPy-like and neural-network ops. Each one calls the active backend; called on
symbolic tensors (from `kerax.Input`), it adds a node to the functional graph instead.

`kerax.ops.numpy`, `kerax.ops.nn` and `kerax.ops.linalg` hold Keras's namespaces of those names; `kerax.ops`
holds them all."""
from kerax.ops import core, einops, image, linalg, math, nn, numpy, rnn  # noqa: F401 (the namespaces)
from kerax.ops.core import *  # noqa: F401,F403 (each group module lists its names in __all__)
from kerax.ops.einops import *  # noqa: F401,F403
from kerax.ops.linalg import *  # noqa: F401,F403
from kerax.ops.math import *  # noqa: F401,F403
from kerax.ops.nn import *  # noqa: F401,F403
from kerax.ops.numpy import *  # noqa: F401,F403
from kerax.ops.rnn import *  # noqa: F401,F403
