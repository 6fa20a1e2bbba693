"""The seeds' quick-start, end to end, on kerax: `make demo`.

Sequential, functional and subclassed models and a custom layer train on generated data; then a small
classifier learns a real (generated) task: points on two interleaved spirals.
"""
import numpy as np

import kerax as keras
from kerax import layers

keras.utils.set_random_seed(0)
data = np.random.random((1000, 32))
labels = np.random.random((1000, 10))
val_data = np.random.random((100, 32))
val_labels = np.random.random((100, 10))

print("== Sequential model (seed 'build a simple model')")
model = keras.Sequential()
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dense(10, activation="softmax"))
model.compile(optimizer=keras.train.AdamOptimizer(0.001), loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(data, labels, epochs=3, batch_size=32, validation_data=(val_data, val_labels))
model.summary()

print("\n== Functional API")
inputs = keras.Input(shape=(32,))
x = layers.Dense(64, activation="relu")(inputs)
x = layers.Dense(64, activation="relu")(x)
predictions = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=predictions)
model.compile(optimizer=keras.optimizers.RMSprop(0.001), loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(keras.data.Dataset.from_tensor_slices((data, labels)).batch(32), epochs=2)
print("evaluate:", model.evaluate(data, labels, batch_size=32, verbose=0))
print("predict:", model.predict(data, batch_size=32, verbose=0).shape)


print("\n== Subclassed model and a custom layer")


class MyModel(keras.Model):
    def __init__(self, num_classes=10):
        super().__init__(name="my_model")
        self.dense_1 = layers.Dense(32, activation="relu")
        self.dense_2 = layers.Dense(num_classes, activation="sigmoid")

    def call(self, inputs):
        return self.dense_2(self.dense_1(inputs))


class MyLayer(layers.Layer):
    def __init__(self, output_dim, **kwargs):
        self.output_dim = output_dim
        super().__init__(**kwargs)

    def build(self, input_shape):
        self.kernel = self.add_weight(name="kernel", shape=(input_shape[1], self.output_dim),
                                      initializer="uniform", trainable=True)

    def call(self, inputs):
        return keras.ops.matmul(inputs, self.kernel)


for model in (MyModel(num_classes=10), keras.Sequential([MyLayer(10), layers.Activation("softmax")])):
    model.compile(optimizer=keras.train.RMSPropOptimizer(0.001), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(data, labels, batch_size=32, epochs=2, verbose=2)

print("\n== A model that learns: two interleaved spirals")
rng = np.random.default_rng(0)
n = 2000
t = np.sqrt(rng.random(n)) * 3 * np.pi
arm = rng.integers(0, 2, n)
points = np.stack([t * np.cos(t + np.pi * arm), t * np.sin(t + np.pi * arm)], axis=1) / 10
points += rng.normal(scale=0.02, size=points.shape)
classifier = keras.Sequential([
    keras.Input((2,)), layers.Dense(64, activation="relu"), layers.Dense(64, activation="relu"),
    layers.Dense(1, activation="sigmoid")])
classifier.compile(optimizer=keras.optimizers.Adam(0.01), loss="binary_crossentropy", metrics=["accuracy"])
before = classifier.evaluate(points, arm, verbose=0)[1]
history = classifier.fit(points, arm, epochs=60, batch_size=64, validation_split=0.2, verbose=0)
after = history.history["val_accuracy"][-1]
print(f"validation accuracy: {before:.2f} before training -> {after:.2f} after 60 epochs")
