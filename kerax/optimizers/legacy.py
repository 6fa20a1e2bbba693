"""`tf.keras.optimizers.legacy.*`: Keras 2's optimizers (optimizer_v2, tf.keras's default up to TF 2.10),
which take the old `lr=` and `decay=` (rate / (1 + decay * iterations)) arguments.

SGD, Adam, Adamax, Adadelta and Ftrl update exactly as Keras 3's do. Three differ, and follow tf.keras 2 here:
- RMSprop without momentum adds epsilon after the square root: `w -= lr * g / (sqrt(v) + epsilon)` (with
  momentum, tf.keras's fused kernel adds it inside, as Keras 3 does);
- Adagrad too: `w -= lr * g / (sqrt(a) + epsilon)`;
- Nadam's momentum schedule is `beta_1 * (1 - 0.5 * 0.96 ** (schedule_decay * t))` with `schedule_decay=0.004`
  (Keras 3: `0.96 ** t`), and it ignores `decay`, as tf.keras's Nadam did.
Keras 2 code that passes `decay=` to `optimizers.RMSprop` (or loads a tf.keras legacy config) gets these
classes too (see `Optimizer.__new__`).
"""
from kerax import ops
from kerax.optimizers import adagrad, nadam, rmsprop
from kerax.optimizers.adadelta import Adadelta
from kerax.optimizers.adam import Adam
from kerax.optimizers.adamax import Adamax
from kerax.optimizers.ftrl import Ftrl
from kerax.optimizers.optimizer import Optimizer
from kerax.optimizers.sgd import SGD


class _Keras2Config:
    def get_config(self):
        # `decay` marks the config as Keras 2's, so that it loads as this class again (Optimizer.__new__).
        return {**super().get_config(), "decay": self.decay}


class RMSprop(_Keras2Config, rmsprop.RMSprop):
    def _root(self, mean_square):
        if self.momentum > 0:
            return super()._root(mean_square)
        return ops.sqrt(mean_square) + self.epsilon


class Adagrad(_Keras2Config, adagrad.Adagrad):
    def _root(self, accumulator):
        return ops.sqrt(accumulator) + self.epsilon


class Nadam(_Keras2Config, nadam.Nadam):
    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, name="nadam",
                 schedule_decay=0.004, **kwargs):
        kwargs.pop("decay", None)  # tf.keras's Nadam replaced it by schedule_decay
        super().__init__(learning_rate, beta_1=beta_1, beta_2=beta_2, epsilon=epsilon, name=name, **kwargs)
        self.schedule_decay = schedule_decay

    def _schedule_exponent(self, step):
        return self.schedule_decay * step

    def get_config(self):
        return {**super().get_config(), "schedule_decay": self.schedule_decay}


for _keras3, _keras2 in ((rmsprop.RMSprop, RMSprop), (adagrad.Adagrad, Adagrad), (nadam.Nadam, Nadam)):
    _keras3._keras2_class = _keras2

__all__ = ["SGD", "Adadelta", "Adagrad", "Adam", "Adamax", "Ftrl", "Nadam", "Optimizer", "RMSprop"]
