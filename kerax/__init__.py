"""kerax: the Keras API on JAX. `import kerax as keras`."""
from kerax import (
    activations, applications, backend, callbacks, compat, constraints, data, datasets, distribute, distribution,
    dtype_policies, estimator, experimental, export, initializers, layers, losses, metrics, mixed_precision,
    models, ops, optimizers, preprocessing, quantizers, random, regularizers, saving, serialization, train, tree,
    utils,
)
from kerax.backend import (
    KerasTensor, RematScope, StatelessScope, SymbolicScope, TensorShape, Variable, name_scope, remat,
)
from kerax.initializers import Initializer
from kerax.losses import Loss
from kerax.metrics import Metric
from kerax.optimizers import Optimizer
from kerax.quantizers import Quantizer
from kerax.regularizers import Regularizer
from kerax.distribution import device
from kerax.dtype_policies import DTypePolicy, FloatDTypePolicy
from kerax.layers import Input, InputSpec, Layer
from kerax.models import Model, Sequential
from kerax.ops.function import Function
from kerax.ops.operation import Operation
from kerax.trainers.gradients import value_and_grad
from kerax.version import __version__, version
