"""Finding optimizers by name, instance or config; config round trips; configs written by other Kerases."""
import json

import pytest

from kerax import optimizers
from kerax.saving import custom_object_scope

ALL = [
    optimizers.SGD(0.05, momentum=0.9, nesterov=True, clipnorm=1.0),
    optimizers.RMSprop(0.002, rho=0.8, momentum=0.1, centered=True, clipvalue=0.5),
    optimizers.Adagrad(0.01, initial_accumulator_value=0.2),
    optimizers.Adadelta(learning_rate=1.0, rho=0.95),
    optimizers.Adam(0.003, beta_1=0.8, amsgrad=True, global_clipnorm=2.0),
    optimizers.Adamax(0.002, epsilon=1e-6),
    optimizers.Nadam(0.002, beta_2=0.99),
    optimizers.AdamW(0.001, weight_decay=0.01, gradient_accumulation_steps=4),
    optimizers.Ftrl(0.1, l1_regularization_strength=0.01, beta=0.5),
    optimizers.SGD(lr=0.01, decay=1e-6, momentum=0.9),
    optimizers.Adam(optimizers.schedules.CosineDecay(0.1, 100, warmup_target=0.2, warmup_steps=10)),
]


@pytest.mark.parametrize("optimizer", ALL, ids=lambda o: type(o).__name__)
def test_config_round_trip(optimizer):
    config = json.loads(json.dumps(optimizers.serialize(optimizer)))
    restored = optimizers.deserialize(config)
    assert type(restored) is type(optimizer)
    assert restored.get_config() == optimizer.get_config()


def test_get_by_name_is_case_insensitive_and_fresh():
    for name in ("sgd", "RMSprop", "ADAGRAD", "adadelta", "Adam", "adamax", "nadam", "AdamW"):
        assert type(optimizers.get(name)).__name__.lower() == name.lower()
    assert optimizers.get("adam") is not optimizers.get("adam")
    assert optimizers.get("sgd").learning_rate.numpy() == pytest.approx(0.01)
    adam = optimizers.Adam()
    assert optimizers.get(adam) is adam
    assert optimizers.get(None) is None


def test_get_unknown_name_suggests():
    with pytest.raises(ValueError, match="Unknown optimizer: 'adm'. Did you mean 'adam'.*Valid names: ada"):
        optimizers.get("adm")
    with pytest.raises(ValueError, match="Could not interpret optimizer identifier"):
        optimizers.get(3)


def test_configs_written_by_keras3_tf_keras_and_keras2():
    keras3 = {"module": "keras.optimizers", "class_name": "Adam", "registered_name": None,
              "config": {"name": "adam", "learning_rate": 0.001, "weight_decay": None, "clipnorm": None,
                         "global_clipnorm": None, "clipvalue": None, "use_ema": False, "ema_momentum": 0.99,
                         "ema_overwrite_frequency": None, "loss_scale_factor": None,
                         "gradient_accumulation_steps": None, "beta_1": 0.9, "beta_2": 0.999,
                         "epsilon": 1e-07, "amsgrad": False}}
    tf_keras_211 = {"class_name": "Custom>Adam",
                    "config": {"name": "Adam", "learning_rate": 0.01, "jit_compile": True,
                               "is_legacy_optimizer": False}}
    keras2 = {"class_name": "SGD", "config": {"lr": 0.02, "momentum": 0.9, "decay": 1e-6, "nesterov": True}}
    assert isinstance(optimizers.deserialize(keras3), optimizers.Adam)
    assert optimizers.deserialize(tf_keras_211).learning_rate.numpy() == pytest.approx(0.01)
    sgd = optimizers.get(keras2)
    assert (sgd.momentum, sgd.nesterov, sgd.decay) == (0.9, True, 1e-6)
    assert sgd.learning_rate.numpy() == pytest.approx(0.02)


def test_custom_optimizer_subclass_round_trips():
    class Sign(optimizers.Optimizer):
        def __init__(self, learning_rate=0.1, **kwargs):
            super().__init__(learning_rate, **kwargs)

        def update_step(self, gradient, variable, learning_rate):
            variable.assign_sub(learning_rate * (gradient > 0) - learning_rate * (gradient < 0))

    config = optimizers.serialize(Sign(0.3))
    with custom_object_scope({"Sign": Sign}):
        restored = optimizers.deserialize(config)
    assert isinstance(restored, Sign) and restored.name == "sign"
    assert restored.get_config()["learning_rate"] == 0.3
