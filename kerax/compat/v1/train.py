"""TF1's `tf.train.*Optimizer` names, as kerax optimizers configured to compute the same updates.

TF1 argument names map onto Keras ones (RMSProp's `decay` is `rho`, Adam's `beta1` is `beta_1`); `use_locking`
is accepted and has no meaning here. Where TF1's algorithm differs from Keras's default, the returned
optimizer is set up like TF1: RMSProp's mean square starts at one, Adagrad has no epsilon.
"""
from kerax.optimizers import SGD, Adadelta, Adagrad, Adam, Ftrl, RMSprop


def _named(name):
    return {"name": name} if name else {}


def GradientDescentOptimizer(learning_rate, use_locking=False, name=None):
    return SGD(learning_rate, **_named(name))


def MomentumOptimizer(learning_rate, momentum, use_locking=False, name=None, use_nesterov=False):
    # TF1 keeps `a = momentum * a + g; w -= lr * a`, which equals Keras's velocity form at a fixed rate.
    return SGD(learning_rate, momentum=momentum, nesterov=use_nesterov, **_named(name))


def AdamOptimizer(learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-08, use_locking=False, name=None):
    return Adam(learning_rate, beta_1=beta1, beta_2=beta2, epsilon=epsilon, **_named(name))


def RMSPropOptimizer(learning_rate, decay=0.9, momentum=0.0, epsilon=1e-10, use_locking=False, centered=False,
                     name=None):
    optimizer = RMSprop(learning_rate, rho=decay, momentum=momentum, epsilon=epsilon, centered=centered,
                        **_named(name))
    optimizer._initial_mean_square = "ones"
    return optimizer


def AdagradOptimizer(learning_rate, initial_accumulator_value=0.1, use_locking=False, name=None):
    if initial_accumulator_value <= 0:
        raise ValueError(f"initial_accumulator_value must be positive: {initial_accumulator_value}")
    return Adagrad(learning_rate, initial_accumulator_value=initial_accumulator_value, epsilon=0.0,
                   **_named(name))


def AdadeltaOptimizer(learning_rate=0.001, rho=0.95, epsilon=1e-08, use_locking=False, name=None):
    return Adadelta(learning_rate, rho=rho, epsilon=epsilon, **_named(name))


def FtrlOptimizer(learning_rate, learning_rate_power=-0.5, initial_accumulator_value=0.1,
                  l1_regularization_strength=0.0, l2_regularization_strength=0.0, use_locking=False,
                  name=None, accum_name=None, linear_name=None, l2_shrinkage_regularization_strength=0.0,
                  beta=None):
    return Ftrl(learning_rate, learning_rate_power=learning_rate_power,
                initial_accumulator_value=initial_accumulator_value,
                l1_regularization_strength=l1_regularization_strength,
                l2_regularization_strength=l2_regularization_strength,
                l2_shrinkage_regularization_strength=l2_shrinkage_regularization_strength, beta=beta or 0.0,
                **_named(name))
