"""kerax: the Keras API on JAX. `import kerax as keras`."""
from kerax import (
    activations, backend, callbacks, compat, constraints, data, dtype_policies, experimental, initializers, layers,
    losses, metrics, models, ops, optimizers, preprocessing, random, regularizers, saving, serialization, train,
    tree, utils,
)
from kerax.layers import Input, InputSpec, Layer
from kerax.models import Model, Sequential
from kerax.trainers.gradients import value_and_grad
from kerax.backend.common.tensor_shape import TensorShape
from kerax.version import __version__
