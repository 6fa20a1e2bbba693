"""The keras.io guide "Multi-GPU distributed training with JAX", as a script run by
test_distributed_training_with_jax_guide.py in a process with 2 forced CPU devices. Its code with
`import kerax as keras`, 64 random MNIST-shaped images batched with NumPy instead of MNIST in `tf.data`.
`report` is defined by the test's runner (tests/distribution/multi_device.py)."""
import jax
import numpy as np
from jax.experimental import mesh_utils
from jax.sharding import Mesh
from jax.sharding import NamedSharding
from jax.sharding import PartitionSpec as P

import kerax as keras


def get_model():
    inputs = keras.Input(shape=(28, 28, 1))
    x = keras.layers.Rescaling(1.0 / 255.0)(inputs)
    x = keras.layers.Conv2D(filters=12, kernel_size=3, padding="same", use_bias=False)(x)
    x = keras.layers.BatchNormalization(scale=False, center=True)(x)
    x = keras.layers.ReLU()(x)
    x = keras.layers.Conv2D(filters=24, kernel_size=6, use_bias=False, strides=2)(x)
    x = keras.layers.BatchNormalization(scale=False, center=True)(x)
    x = keras.layers.ReLU()(x)
    x = keras.layers.Conv2D(filters=32, kernel_size=6, padding="same", strides=2, name="large_k")(x)
    x = keras.layers.BatchNormalization(scale=False, center=True)(x)
    x = keras.layers.ReLU()(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    x = keras.layers.Dense(256, activation="relu")(x)
    x = keras.layers.Dropout(0.5)(x)
    outputs = keras.layers.Dense(10)(x)
    model = keras.Model(inputs, outputs)
    return model


def get_datasets():
    rng = np.random.default_rng(0)
    x_train = rng.uniform(0, 255, (64, 28, 28)).astype("float32")
    y_train = rng.integers(0, 10, 64)
    x_train = np.expand_dims(x_train, -1)
    return (x_train, y_train), (x_train[:16], y_train[:16])


num_epochs = 2
batch_size = 16

(x_all, y_all), eval_data = get_datasets()
train_data = [(x_all[i:i + batch_size], y_all[i:i + batch_size]) for i in range(0, len(x_all), batch_size)]

model = get_model()
optimizer = keras.optimizers.Adam(1e-3)
loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)

(one_batch, one_batch_labels) = next(iter(train_data))
model.build(one_batch)
optimizer.build(model.trainable_variables)


def compute_loss(trainable_variables, non_trainable_variables, x, y):
    y_pred, updated_non_trainable_variables = model.stateless_call(
        trainable_variables, non_trainable_variables, x)
    loss_value = loss(y, y_pred)
    return loss_value, updated_non_trainable_variables


compute_gradients = jax.value_and_grad(compute_loss, has_aux=True)


@jax.jit
def train_step(train_state, x, y):
    trainable_variables, non_trainable_variables, optimizer_variables = train_state
    (loss_value, non_trainable_variables), grads = compute_gradients(
        trainable_variables, non_trainable_variables, x, y)
    trainable_variables, optimizer_variables = optimizer.stateless_apply(
        optimizer_variables, grads, trainable_variables)
    return loss_value, (trainable_variables, non_trainable_variables, optimizer_variables)


def get_replicated_train_state(devices):
    var_mesh = Mesh(devices, axis_names=("_"))
    var_replication = NamedSharding(var_mesh, P())
    trainable_variables = jax.device_put(model.trainable_variables, var_replication)
    non_trainable_variables = jax.device_put(model.non_trainable_variables, var_replication)
    optimizer_variables = jax.device_put(optimizer.variables, var_replication)
    return (trainable_variables, non_trainable_variables, optimizer_variables)


num_devices = len(jax.local_devices())
devices = mesh_utils.create_device_mesh((num_devices,))
data_mesh = Mesh(devices, axis_names=("batch",))
data_sharding = NamedSharding(data_mesh, P("batch",))

x, y = next(iter(train_data))
sharded_x = jax.device_put(x, data_sharding)
shard_shapes = [tuple(s.data.shape) for s in sharded_x.addressable_shards]

train_state = get_replicated_train_state(devices)
initial_moving_mean = np.asarray(model.non_trainable_variables[0].numpy()).copy()
losses = []
for epoch in range(num_epochs):
    data_iter = iter(train_data)
    for data in data_iter:
        x, y = data
        sharded_x = jax.device_put(x, data_sharding)
        loss_value, train_state = train_step(train_state, sharded_x, y)
        losses.append(float(loss_value))

trainable_variables, non_trainable_variables, optimizer_variables = train_state
replicated = all(len(v.sharding.device_set) == num_devices for v in trainable_variables)
for variable, value in zip(model.trainable_variables, trainable_variables):
    variable.assign(value)
for variable, value in zip(model.non_trainable_variables, non_trainable_variables):
    variable.assign(value)

y_state, _ = model.stateless_call(trainable_variables, non_trainable_variables, eval_data[0])
report({
    "num_devices": num_devices, "shard_shapes": shard_shapes, "losses": losses, "replicated": replicated,
    "max_difference": float(np.max(np.abs(np.asarray(model(eval_data[0])) - np.asarray(y_state)))),
    "moving_mean_changed": not np.allclose(initial_moving_mean, model.non_trainable_variables[0].numpy()),
})
