"""The save/restore samples of the seed notes (../shared/seeds 000, 002, 003, 004), with only the imports
changed: `tf.keras` -> `kerax`, `tf.train` -> `kerax.train`, `tf.TensorShape` -> `kerax.TensorShape`,
`tf.matmul` -> `kerax.ops.matmul`."""
import json
import pprint

import numpy as np
import pytest

import kerax as keras
import kerax as tf_keras  # stands for `tf.keras`
from kerax import layers

data = np.random.random((1000, 32))
labels = np.random.random((1000, 10))


@pytest.fixture(autouse=True)
def in_tmp_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def test_seed_003_weights_only():
    model = tf_keras.Sequential([
        layers.Dense(64, activation='relu'),
        layers.Dense(10, activation='softmax')])

    model.compile(optimizer=keras.train.AdamOptimizer(0.001),
                  loss='categorical_crossentropy',
                  metrics=['accuracy'])

    # Save weights to a TensorFlow Checkpoint file
    model.save_weights('./weights/my_model')

    # Restore the model's state,
    # this requires a model with the same architecture.
    model.load_weights('./weights/my_model')

    # Save weights to a HDF5 file
    model.save_weights('my_model.h5', save_format='h5')

    # Restore the model's state
    model.load_weights('my_model.h5')


def test_seed_002_and_004_weights_of_a_trained_model():
    model = tf_keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10, activation='softmax')])
    model.compile(optimizer=keras.train.AdamOptimizer(0.001), loss='categorical_crossentropy',
                  metrics=['accuracy'])
    model.fit(data, labels, batch_size=32, epochs=1, verbose=0)
    trained = model.get_weights()

    # Save weights to a TensorFlow Checkpoint file
    model.save_weights('./weights/my_model')
    # Restore the model's state,
    # this requires a model with the same architecture.
    model.load_weights('./weights/my_model')

    # Save weights to a HDF5 file
    model.save_weights('my_model.h5', save_format='h5')
    # Restore the model's state
    model.load_weights('my_model.h5')

    fresh = tf_keras.Sequential([layers.Dense(64, activation='relu'), layers.Dense(10, activation='softmax')])
    fresh.build((None, 32))
    fresh.load_weights('./weights/my_model')
    for expected, restored in zip(trained, fresh.get_weights()):
        np.testing.assert_array_equal(expected, restored)


def test_seed_003_configuration_only():
    model = tf_keras.Sequential([
        layers.Dense(64, activation='relu'),
        layers.Dense(10, activation='softmax')])
    model.compile(optimizer=keras.train.AdamOptimizer(0.001), loss='categorical_crossentropy',
                  metrics=['accuracy'])

    # Serialize a model to JSON format
    json_string = model.to_json()
    json_string

    pprint.pformat(json.loads(json_string))

    fresh_model = tf_keras.models.model_from_json(json_string)

    yaml_string = model.to_yaml()
    print(yaml_string)

    fresh_model = tf_keras.models.model_from_yaml(yaml_string)

    parsed = json.loads(json_string)
    assert {"class_name", "config", "keras_version", "backend"} <= set(parsed)
    dense = parsed["config"]["layers"][0]
    assert dense["class_name"] == "Dense" and dense["config"]["units"] == 64
    assert dense["config"]["kernel_initializer"]["class_name"] == "GlorotUniform"
    assert [type(layer).__name__ for layer in fresh_model.layers] == ["Dense", "Dense"]
    assert [layer.units for layer in fresh_model.layers] == [64, 10]


def test_seed_003_entire_model():
    # Create a trivial model
    model = tf_keras.Sequential([
        layers.Dense(10, activation='softmax', input_shape=(32,)),
        layers.Dense(10, activation='softmax')
    ])
    model.compile(optimizer='rmsprop',
                  loss='categorical_crossentropy',
                  metrics=['accuracy'])
    model.fit(data, labels, batch_size=32, epochs=5, verbose=0)

    # Save entire model to a HDF5 file
    model.save('my_model.h5')

    # Recreate the exact same model, including weights and optimizer.
    restored = tf_keras.models.load_model('my_model.h5')

    np.testing.assert_allclose(restored.predict(data[:8], verbose=0), model.predict(data[:8], verbose=0),
                               rtol=1e-6)
    assert restored.optimizer.get_config() == model.optimizer.get_config()
    assert int(restored.optimizer.iterations.numpy()) == int(model.optimizer.iterations.numpy()) == 160


def test_seed_004_entire_model_in_a_directory():
    # Create a simple model
    model = tf_keras.Sequential([
        layers.Dense(10, activation='relu', input_shape=(32,)),
        layers.Dense(10)
    ])
    model.compile(optimizer='rmsprop',
                  loss=tf_keras.losses.CategoricalCrossentropy(from_logits=True),
                  metrics=['accuracy'])
    model.fit(data, labels, batch_size=32, epochs=5, verbose=0)

    # Save entire model to a HDF5 file
    model.save('my_model')

    # Recreate the exact same model, including weights and optimizer.
    restored = tf_keras.models.load_model('my_model')

    np.testing.assert_allclose(restored.predict(data[:8], verbose=0), model.predict(data[:8], verbose=0),
                               rtol=1e-6)
    assert restored.loss.get_config()["from_logits"] is True


class MyLayer(keras.layers.Layer):

    def __init__(self, output_dim, **kwargs):
        self.output_dim = output_dim
        super(MyLayer, self).__init__(**kwargs)

    def build(self, input_shape):
        shape = keras.TensorShape((input_shape[1], self.output_dim))
        # Create a trainable weight variable for this layer.
        self.kernel = self.add_weight(name='kernel',
                                      shape=shape,
                                      initializer='uniform',
                                      trainable=True)
        # Be sure to call this at the end
        super(MyLayer, self).build(input_shape)

    def call(self, inputs):
        return keras.ops.matmul(inputs, self.kernel)

    def compute_output_shape(self, input_shape):
        shape = keras.TensorShape(input_shape).as_list()
        shape[-1] = self.output_dim
        return keras.TensorShape(shape)

    def get_config(self):
        base_config = super(MyLayer, self).get_config()
        base_config['output_dim'] = self.output_dim
        return base_config

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def test_seed_000_custom_layer_round_trips_with_custom_objects():
    # Create a model using the custom layer
    model = keras.Sequential([MyLayer(10),
                              keras.layers.Activation('softmax')])

    # The compile step specifies the training configuration
    model.compile(optimizer=keras.train.RMSPropOptimizer(0.001),
                  loss='categorical_crossentropy',
                  metrics=['accuracy'])

    # Trains for 5 epochs.
    model.fit(data, labels, batch_size=32, epochs=1, verbose=0)

    model.save('custom.keras')
    with pytest.raises(ValueError, match="Unknown layer: 'MyLayer'.*custom_objects"):
        keras.models.load_model('custom.keras')
    restored = keras.models.load_model('custom.keras', custom_objects={'MyLayer': MyLayer})
    np.testing.assert_allclose(restored.predict(data[:4], verbose=0), model.predict(data[:4], verbose=0),
                               rtol=1e-6)
    with keras.utils.custom_object_scope({'MyLayer': MyLayer}):
        fresh = keras.models.model_from_json(model.to_json())
    assert fresh.layers[0].output_dim == 10
