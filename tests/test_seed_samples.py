"""The code samples of the seed notes (../shared/seeds) for building, training, evaluating, the functional
API, subclassing and custom layers, with only the imports changed: `tf.keras` -> `kerax`,
`tf.train` -> `kerax.train`, `tf.data` -> `kerax.data`, `tf.matmul` -> `kerax.ops.matmul`,
`tf.TensorShape` -> `kerax.TensorShape`, `tf.sigmoid`/`tf.nn.relu` -> `kerax.ops.*`."""
import numpy as np

import kerax
import kerax as keras
from kerax import layers

data = np.random.random((1000, 32))
labels = np.random.random((1000, 10))
val_data = np.random.random((100, 32))
val_labels = np.random.random((100, 10))


def test_build_a_simple_model_and_configure_layers():
    model = kerax.Sequential()
    model.add(layers.Dense(64, activation="relu"))
    model.add(layers.Dense(64, activation="relu"))
    model.add(layers.Dense(10))
    layers.Dense(64, activation="relu")
    layers.Dense(64, activation=kerax.ops.relu)
    layers.Dense(64, activation="sigmoid")
    layers.Dense(64, activation=kerax.ops.sigmoid)
    layers.Dense(64, kernel_regularizer=kerax.regularizers.l1(0.01))
    layers.Dense(64, bias_regularizer=kerax.regularizers.l2(0.01))
    layers.Dense(64, kernel_initializer="orthogonal")
    layers.Dense(64, bias_initializer=kerax.initializers.Constant(2.0))
    layers.Dense(64, bias_initializer=kerax.initializers.constant(2.0))


def test_train_with_numpy_and_validation_data():
    model = kerax.Sequential([
        layers.Dense(64, activation="relu", input_shape=(32,)),
        layers.Dense(64, activation="relu"),
        layers.Dense(10)])
    model.compile(optimizer=kerax.optimizers.Adam(0.01),
                  loss=kerax.losses.CategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    model.compile(optimizer=kerax.optimizers.Adam(0.01), loss="mse", metrics=["mae"])
    model.compile(optimizer=kerax.optimizers.RMSprop(0.01),
                  loss=kerax.losses.CategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
    model.fit(data, labels, epochs=2, batch_size=32, verbose=0)
    history = model.fit(data, labels, epochs=2, batch_size=32, validation_data=(val_data, val_labels), verbose=0)
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}


def test_tf1_optimizers_and_metric_functions():
    model = kerax.Sequential([layers.Dense(64, activation="relu"), layers.Dense(64, activation="relu"),
                              layers.Dense(10, activation="softmax")])
    model.compile(optimizer=kerax.train.AdamOptimizer(0.001), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    model.compile(optimizer=kerax.train.AdamOptimizer(0.01), loss="mse", metrics=["mae"])
    model.compile(optimizer=kerax.train.RMSPropOptimizer(0.01), loss=kerax.losses.categorical_crossentropy,
                  metrics=[kerax.metrics.categorical_accuracy])
    history = model.fit(data, labels, epochs=2, batch_size=32, verbose=0)
    assert "categorical_accuracy" in history.history


def test_datasets_for_training_validation_and_evaluation():
    model = kerax.Sequential([layers.Dense(64, activation="relu"), layers.Dense(10, activation="softmax")])
    model.compile(optimizer=kerax.train.AdamOptimizer(0.001), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    dataset = kerax.data.Dataset.from_tensor_slices((data, labels))
    dataset = dataset.batch(32)
    model.fit(dataset, epochs=2, verbose=0)
    dataset = kerax.data.Dataset.from_tensor_slices((data, labels)).batch(32).repeat()
    val_dataset = kerax.data.Dataset.from_tensor_slices((val_data, val_labels)).batch(32).repeat()
    history = model.fit(dataset, epochs=2, steps_per_epoch=30, validation_data=val_dataset, validation_steps=3,
                        verbose=0)
    assert len(history.history["val_loss"]) == 2
    result = model.evaluate(data, labels, batch_size=32, verbose=0)
    assert len(result) == 2
    model.evaluate(dataset, steps=30, verbose=0)
    finite = kerax.data.Dataset.from_tensor_slices((data, labels)).batch(32)
    model.evaluate(finite, verbose=0)
    result = model.predict(data, batch_size=32, verbose=0)
    assert result.shape == (1000, 10)


def test_functional_api():
    inputs = kerax.Input(shape=(32,))
    x = layers.Dense(64, activation="relu")(inputs)
    x = layers.Dense(64, activation="relu")(x)
    predictions = layers.Dense(10, activation="softmax")(x)
    model = kerax.Model(inputs=inputs, outputs=predictions)
    model.compile(optimizer=kerax.train.RMSPropOptimizer(0.001), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(data, labels, batch_size=32, epochs=2, verbose=0)


class MyModel(kerax.Model):
    def __init__(self, num_classes=10):
        super(MyModel, self).__init__(name="my_model")
        self.num_classes = num_classes
        self.dense_1 = layers.Dense(32, activation="relu")
        self.dense_2 = layers.Dense(num_classes, activation="sigmoid")

    def call(self, inputs):
        x = self.dense_1(inputs)
        return self.dense_2(x)

    def compute_output_shape(self, input_shape):
        shape = kerax.TensorShape(input_shape).as_list()
        shape[-1] = self.num_classes
        return kerax.TensorShape(shape)


def test_model_subclassing():
    model = MyModel(num_classes=10)
    model.compile(optimizer=kerax.train.RMSPropOptimizer(0.001), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    history = model.fit(data, labels, batch_size=32, epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2


class MyLayer(layers.Layer):
    def __init__(self, output_dim, **kwargs):
        self.output_dim = output_dim
        super(MyLayer, self).__init__(**kwargs)

    def build(self, input_shape):
        shape = kerax.TensorShape((input_shape[1], self.output_dim))
        self.kernel = self.add_weight(name="kernel", shape=shape, initializer="uniform", trainable=True)
        super(MyLayer, self).build(input_shape)

    def call(self, inputs):
        return kerax.ops.matmul(inputs, self.kernel)

    def compute_output_shape(self, input_shape):
        shape = kerax.TensorShape(input_shape).as_list()
        shape[-1] = self.output_dim
        return kerax.TensorShape(shape)

    def get_config(self):
        base_config = super(MyLayer, self).get_config()
        base_config["output_dim"] = self.output_dim
        return base_config

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def test_custom_layer():
    model = kerax.Sequential([MyLayer(10), kerax.layers.Activation("softmax")])
    model.compile(optimizer=kerax.train.RMSPropOptimizer(0.001), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(data, labels, batch_size=32, epochs=2, verbose=0)
    layer = model.layers[0]
    x = data[:4].astype("float32")
    np.testing.assert_allclose(np.asarray(layer(x)), x @ layer.kernel.numpy(), rtol=1e-5, atol=1e-6)
    config = layer.get_config()
    assert MyLayer.from_config(config).output_dim == 10


def test_quickstart_sequential_styles_and_compile_by_name():
    model = keras.models.Sequential([
        keras.layers.Dense(32, input_shape=(784,)), keras.layers.Activation("relu"),
        keras.layers.Dense(10), keras.layers.Activation("softmax")])
    model = keras.models.Sequential()
    model.add(keras.layers.Dense(32, input_dim=784))
    model.add(keras.layers.Activation("relu"))
    model.add(keras.layers.Dense(10))
    model.add(keras.layers.Activation("softmax"))
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    sgd = keras.optimizers.SGD(lr=0.01, decay=1e-6, momentum=0.9, nesterov=True)
    model.compile(loss="mean_squared_error", optimizer=sgd)
    x = np.random.random((64, 784))
    y = keras.utils.to_categorical(np.random.randint(10, size=64), 10)
    model.fit(x, y, epochs=1, verbose=0)
    model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=1, verbose=0)
    model.evaluate(x, y, verbose=2)


def test_distribution_seed_summary_sample(capsys):
    model = kerax.Sequential()
    model.add(layers.Dense(16, activation="relu", input_shape=(10,)))
    model.add(layers.Dense(1, activation="sigmoid"))
    optimizer = kerax.train.GradientDescentOptimizer(0.2)
    model.compile(loss="binary_crossentropy", optimizer=optimizer)
    model.summary()
    assert "Total params: 193" in capsys.readouterr().out
