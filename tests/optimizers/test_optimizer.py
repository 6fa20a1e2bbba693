"""The shared Optimizer machinery: clipping, legacy arguments, constraints, learning-rate state, weight
decay, gradient accumulation, stateless use, slots and their order."""
import warnings

import numpy as np
import pytest

from kerax import backend, ops, optimizers


def make_variable(values, name="kernel", path=None, **kwargs):
    variable = backend.Variable(np.asarray(values, dtype="float32"), name=name, **kwargs)
    if path:
        variable.path = path
    return variable


def f32(values):
    return np.asarray(values, dtype="float32")


# --- clipping ---------------------------------------------------------------------------------------------
def test_clipnorm_rescales_each_gradient_to_the_norm():
    a, b = make_variable([0.0, 0.0]), make_variable([0.0, 0.0])
    optimizers.SGD(1.0, clipnorm=1.0).apply([f32([3.0, 4.0]), f32([0.3, 0.4])], [a, b])
    np.testing.assert_allclose(a.numpy(), [-0.6, -0.8], rtol=1e-6)
    np.testing.assert_allclose(b.numpy(), [-0.3, -0.4], rtol=1e-6)  # already within the norm


def test_global_clipnorm_rescales_all_gradients_together():
    a, b = make_variable([0.0]), make_variable([0.0])
    optimizers.SGD(1.0, global_clipnorm=2.0).apply([f32([3.0]), f32([4.0])], [a, b])
    np.testing.assert_allclose([a.numpy()[0], b.numpy()[0]], [-3.0 * 2 / 5, -4.0 * 2 / 5], rtol=1e-6)


def test_clipvalue_clips_elementwise():
    w = make_variable([0.0, 0.0, 0.0])
    optimizers.SGD(1.0, clipvalue=0.5).apply([f32([-2.0, 0.2, 3.0])], [w])
    np.testing.assert_allclose(w.numpy(), [0.5, -0.2, -0.5], rtol=1e-6)


def test_only_one_clipping_argument():
    with pytest.raises(ValueError, match="Only one of `clipnorm`, `clipvalue` and `global_clipnorm`"):
        optimizers.Adam(clipnorm=1.0, clipvalue=1.0)


# --- Keras 2 arguments ------------------------------------------------------------------------------------
def test_lr_and_time_based_decay():
    optimizer = optimizers.SGD(lr=0.1, decay=0.5)
    assert float(optimizer.learning_rate) == pytest.approx(0.1)
    w = make_variable([1.0])
    for _ in range(3):
        optimizer.apply([f32([1.0])], [w])
    # Keras 2: lr_t = lr / (1 + decay * iterations), iterations counted before the step.
    expected = 1.0 - sum(0.1 / (1 + 0.5 * t) for t in range(3))
    np.testing.assert_allclose(w.numpy(), [expected], rtol=1e-6)
    assert optimizer.get_config()["decay"] == 0.5
    assert float(optimizer.lr) == pytest.approx(0.1)


def test_unknown_argument_is_named():
    with pytest.raises(TypeError, match="'momentum_cache'"):
        optimizers.Nadam(momentum_cache=0.004)
    # Keras 2's Nadam argument selects Keras 2's Nadam (see test_legacy.py)
    assert optimizers.Nadam(schedule_decay=0.004).schedule_decay == 0.004


def test_invalid_arguments():
    with pytest.raises(ValueError, match="momentum"):
        optimizers.SGD(momentum=1.5)
    with pytest.raises(ValueError, match="learning_rate"):
        optimizers.SGD(learning_rate="fast")
    with pytest.raises(ValueError, match="weight_decay"):
        optimizers.AdamW(weight_decay=None)


# --- constraints, learning rate, weight decay --------------------------------------------------------------
def test_constraint_applied_after_the_update():
    w = make_variable([0.0, 0.4], constraint=lambda x: ops.clip(x, -0.5, 0.5))
    optimizers.SGD(1.0).apply([f32([-1.0, 0.05])], [w])
    np.testing.assert_allclose(w.numpy(), [0.5, 0.35], rtol=1e-6)


def test_setting_the_learning_rate_takes_effect():
    optimizer = optimizers.SGD(0.1)
    w = make_variable([0.0])
    optimizer.apply([f32([1.0])], [w])
    optimizer.learning_rate = 0.5
    optimizer.apply([f32([1.0])], [w])
    optimizer.learning_rate.assign(0.25)
    optimizer.apply([f32([1.0])], [w])
    np.testing.assert_allclose(w.numpy(), [-0.85], rtol=1e-6)
    assert optimizer.get_config()["learning_rate"] == 0.25


def test_learning_rate_change_needs_no_recompile():
    optimizer = optimizers.SGD(0.1, momentum=0.5)
    w = make_variable([1.0, 2.0])
    optimizer.build([w])
    traces = []

    def step(optimizer_values, trainable_values, grads):
        traces.append(1)
        return optimizer.stateless_apply(optimizer_values, grads, trainable_values)

    compiled = backend.jit(step)
    g = f32([1.0, -1.0])
    new_w, new_state = compiled([v.value for v in optimizer.variables], [w.value], [g])
    np.testing.assert_allclose(new_w[0], [0.9, 2.1], rtol=1e-6)
    optimizer.learning_rate = 0.5
    new_w, new_state = compiled([v.value for v in optimizer.variables], [w.value], [g])
    np.testing.assert_allclose(new_w[0], [0.5, 2.5], rtol=1e-6)
    assert len(traces) == 1
    assert int(new_state[0]) == 1  # the step count advanced in the returned state only
    assert int(optimizer.iterations.numpy()) == 0


def test_schedule_drives_the_rate_and_is_not_settable():
    schedule = optimizers.schedules.ExponentialDecay(0.1, decay_steps=1, decay_rate=0.5)
    optimizer = optimizers.SGD(schedule)
    w = make_variable([0.0])
    for _ in range(3):
        optimizer.apply([f32([1.0])], [w])
    np.testing.assert_allclose(w.numpy(), [-(0.1 + 0.05 + 0.025)], rtol=1e-6)
    np.testing.assert_allclose(float(optimizer.learning_rate), 0.0125, rtol=1e-6)
    assert [v.name for v in optimizer.variables] == ["iteration"]
    with pytest.raises(TypeError, match="not settable"):
        optimizer.learning_rate = 0.1


def test_weight_decay_before_the_update_and_exclusions():
    optimizer = optimizers.SGD(0.1, weight_decay=0.5)
    kernel, bias = make_variable([2.0], name="kernel"), make_variable([2.0], name="bias")
    optimizer.exclude_from_weight_decay(var_names=["bias"])
    optimizer.apply([f32([1.0]), f32([1.0])], [kernel, bias])
    np.testing.assert_allclose(kernel.numpy(), [2.0 - 2.0 * 0.5 * 0.1 - 0.1], rtol=1e-6)
    np.testing.assert_allclose(bias.numpy(), [1.9], rtol=1e-6)
    with pytest.raises(ValueError, match="before the optimizer is built"):
        optimizer.exclude_from_weight_decay(var_names=["kernel"])


def test_loss_scale_factor_unscales_gradients():
    optimizer = optimizers.SGD(1.0, loss_scale_factor=4.0)
    w = make_variable([0.0])
    optimizer.apply([f32([2.0])], [w])
    np.testing.assert_allclose(w.numpy(), [-0.5])
    assert float(optimizer.scale_loss(1.5)) == 6.0


# --- gradient accumulation ----------------------------------------------------------------------------------
def test_gradient_accumulation_applies_the_mean_every_n_steps():
    optimizer = optimizers.Adam(0.1, gradient_accumulation_steps=2)
    w = make_variable([1.0, -1.0])
    grads = [f32([1.0, 2.0]), f32([3.0, -2.0]), f32([-1.0, 0.5]), f32([0.0, 1.5])]
    optimizer.apply([grads[0]], [w])
    np.testing.assert_allclose(w.numpy(), [1.0, -1.0])
    for g in grads[1:]:
        optimizer.apply([g], [w])
    # Same as plain Adam on the pairwise means, with the bias correction counting real updates.
    b1, b2, m, v, expected = 0.9, 0.999, np.zeros(2), np.zeros(2), np.array([1.0, -1.0])
    for t, g in enumerate([(grads[0] + grads[1]) / 2, (grads[2] + grads[3]) / 2], start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g**2
        expected -= 0.1 * np.sqrt(1 - b2**t) / (1 - b1**t) * m / (np.sqrt(v) + 1e-7)
    np.testing.assert_allclose(w.numpy(), expected, rtol=1e-5)
    assert int(optimizer.iterations) == 2
    with pytest.raises(ValueError, match="gradient_accumulation_steps"):
        optimizers.SGD(gradient_accumulation_steps=1)


# --- stateless use ------------------------------------------------------------------------------------------
def test_apply_under_stateless_scope_records_without_mutating():
    optimizer = optimizers.SGD(0.1, momentum=0.9)
    w = make_variable([1.0, 2.0])
    optimizer.build([w])
    with backend.StatelessScope() as scope:
        optimizer.apply([f32([1.0, 1.0])], [w])
    np.testing.assert_allclose(w.numpy(), [1.0, 2.0])
    assert int(optimizer.iterations.numpy()) == 0
    assigned = {id(v): value for v, value in scope.assigned_variables()}
    np.testing.assert_allclose(assigned[id(w)], [0.9, 1.9], rtol=1e-6)
    assert int(assigned[id(optimizer.iterations)]) == 1
    np.testing.assert_allclose(assigned[id(optimizer.variables[2])], [-0.1, -0.1], rtol=1e-6)


def test_stateless_apply_needs_a_built_optimizer():
    with pytest.raises(ValueError, match="must be built"):
        optimizers.Adam().stateless_apply([], [], [])


# --- slots, building, gradients ----------------------------------------------------------------------------
def test_slot_names_and_variable_order():
    optimizer = optimizers.Adam()
    kernel = make_variable([[1.0]], path="dense/kernel")
    bias = make_variable([1.0], name="bias", path="dense/bias")
    optimizer.build([kernel, bias])
    optimizer.build([kernel, bias])
    assert [v.name for v in optimizer.variables] == [
        "iteration", "learning_rate", "dense_kernel_momentum", "dense_kernel_velocity",
        "dense_bias_momentum", "dense_bias_velocity",
    ]
    assert not any(v.trainable for v in optimizer.variables)
    assert optimizer.variables[0].dtype == "int32"
    assert optimizer.variables[2].shape == (1, 1)


def test_unknown_variable_after_build():
    optimizer = optimizers.SGD()
    optimizer.apply([f32([1.0])], [make_variable([0.0])])
    with pytest.raises(ValueError, match="Unknown variable"):
        optimizer.apply([f32([1.0])], [make_variable([0.0])])


def test_missing_gradients():
    optimizer = optimizers.SGD(1.0)
    a, b = make_variable([0.0]), make_variable([0.0], name="frozen")
    with pytest.warns(UserWarning, match="Gradients do not exist for variables \\['frozen'\\]"):
        optimizer.apply([f32([1.0]), None], [a, b])
    assert a.numpy()[0] == -1.0 and b.numpy()[0] == 0.0
    with pytest.raises(ValueError, match="No gradients provided"):
        optimizer.apply([None, None], [a, b])


def test_apply_gradients_and_grads_only_apply():
    optimizer = optimizers.SGD(1.0)
    w = make_variable([0.0])
    with pytest.raises(ValueError, match="must already be built"):
        optimizer.apply([f32([1.0])])
    assert int(optimizer.apply_gradients(zip([f32([1.0])], [w])).numpy()) == 1
    optimizer.apply([f32([1.0])])
    np.testing.assert_allclose(w.numpy(), [-2.0])


def test_save_and_load_own_variables():
    source, target = optimizers.Adam(0.01), optimizers.Adam(0.5)
    w = make_variable([1.0, 2.0])
    source.apply([f32([1.0, 1.0])], [w])
    store = {}
    source.save_own_variables(store)
    target.build([w])
    target.load_own_variables(store)
    for a, b in zip(source.variables, target.variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        optimizers.Adam().load_own_variables(store)
    assert "has not been built yet" in str(caught[0].message)
