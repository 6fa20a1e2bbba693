"""`tf.keras.optimizers.legacy.*` (TF 2.11-2.15) spellings: the same optimizers, which accept the old
`lr=` and `decay=` arguments anyway."""
from kerax.optimizers.adadelta import Adadelta
from kerax.optimizers.adagrad import Adagrad
from kerax.optimizers.adam import Adam
from kerax.optimizers.adamax import Adamax
from kerax.optimizers.ftrl import Ftrl
from kerax.optimizers.nadam import Nadam
from kerax.optimizers.optimizer import Optimizer
from kerax.optimizers.rmsprop import RMSprop
from kerax.optimizers.sgd import SGD

__all__ = ["Adadelta", "Adagrad", "Adam", "Adamax", "Ftrl", "Nadam", "Optimizer", "RMSprop", "SGD"]
