"""kerax.ops: the public NumPy-like and neural-network ops. Each one calls the active backend; called on
symbolic tensors (from `kerax.Input`), it adds a node to the functional graph instead."""
from kerax import backend as _backend
from kerax.ops.conv import *  # noqa: F401,F403 (each group module lists its names in __all__)
from kerax.ops import image  # noqa: F401 (kerax.ops.image, a namespace of its own as in Keras)
from kerax.ops.core import *  # noqa: F401,F403
from kerax.ops.ctc import *  # noqa: F401,F403
from kerax.ops.math import *  # noqa: F401,F403
from kerax.ops.nn import *  # noqa: F401,F403
from kerax.ops.numpy import *  # noqa: F401,F403
from kerax.ops.rnn import *  # noqa: F401,F403

convert_to_tensor = _backend.convert_to_tensor
convert_to_numpy = _backend.convert_to_numpy
is_tensor = _backend.is_tensor
shape = _backend.shape
stop_gradient = _backend.stop_gradient
cond = _backend.cond
scan = _backend.scan
fori_loop = _backend.fori_loop
while_loop = _backend.while_loop
