"""The keras.io guide "The Functional API", run as a user would: its code with `import kerax as keras`, tiny
synthetic data instead of MNIST and the ticket dataset, few steps. Checks the shapes and names the guide shows."""
import numpy as np

import kerax as keras
from kerax import layers


def test_first_model_trains_saves_and_loads(tmp_path):
    inputs = keras.Input(shape=(784,))
    x = layers.Dense(64, activation="relu")(inputs)
    x = layers.Dense(64, activation="relu")(x)
    outputs = layers.Dense(10)(x)
    model = keras.Model(inputs=inputs, outputs=outputs, name="mnist_model")
    assert [layer.output.shape for layer in model.layers[1:]] == [(None, 64), (None, 64), (None, 10)]

    x_train = np.random.default_rng(0).random((64, 784)).astype("float32")
    y_train = np.random.default_rng(1).integers(0, 10, 64)
    model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  optimizer=keras.optimizers.RMSprop(), metrics=["accuracy"])
    history = model.fit(x_train, y_train, batch_size=16, epochs=2, validation_split=0.2, verbose=0)
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    test_scores = model.evaluate(x_train, y_train, verbose=0)
    assert len(test_scores) == 2

    model.save(tmp_path / "my_model.keras")
    del model
    model = keras.models.load_model(tmp_path / "my_model.keras")
    assert model.name == "mnist_model"


def test_autoencoder_models_nest_like_layers():
    encoder_input = keras.Input(shape=(28, 28, 1), name="img")
    x = layers.Conv2D(16, 3, activation="relu")(encoder_input)
    x = layers.Conv2D(32, 3, activation="relu")(x)
    x = layers.MaxPooling2D(3)(x)
    x = layers.Conv2D(32, 3, activation="relu")(x)
    x = layers.Conv2D(16, 3, activation="relu")(x)
    encoder_output = layers.GlobalMaxPooling2D()(x)
    encoder = keras.Model(encoder_input, encoder_output, name="encoder")

    decoder_input = keras.Input(shape=(16,), name="encoded_img")
    x = layers.Reshape((4, 4, 1))(decoder_input)
    x = layers.Conv2DTranspose(16, 3, activation="relu")(x)
    x = layers.Conv2DTranspose(32, 3, activation="relu")(x)
    x = layers.UpSampling2D(3)(x)
    x = layers.Conv2DTranspose(16, 3, activation="relu")(x)
    decoder_output = layers.Conv2DTranspose(1, 3, activation="relu")(x)
    decoder = keras.Model(decoder_input, decoder_output, name="decoder")

    autoencoder_input = keras.Input(shape=(28, 28, 1), name="img")
    autoencoder = keras.Model(autoencoder_input, decoder(encoder(autoencoder_input)), name="autoencoder")
    assert encoder.output_shape == (None, 16)
    assert autoencoder.output_shape == (None, 28, 28, 1)
    lines = []
    autoencoder.summary(print_fn=lines.append)
    assert any("encoder (Functional)" in line for line in lines)


def test_multi_input_multi_output_ticket_model():
    num_tags, num_words, num_departments = 12, 1000, 4
    title_input = keras.Input(shape=(None,), name="title")
    body_input = keras.Input(shape=(None,), name="body")
    tags_input = keras.Input(shape=(num_tags,), name="tags")
    title_features = layers.LSTM(16)(layers.Embedding(num_words, 16)(title_input))
    body_features = layers.LSTM(8)(layers.Embedding(num_words, 16)(body_input))
    x = layers.concatenate([title_features, body_features, tags_input])
    priority_pred = layers.Dense(1, name="priority")(x)
    department_pred = layers.Dense(num_departments, name="department")(x)
    model = keras.Model(inputs=[title_input, body_input, tags_input],
                        outputs={"priority": priority_pred, "department": department_pred})
    model.compile(optimizer=keras.optimizers.RMSprop(1e-3),
                  loss={"priority": keras.losses.BinaryCrossentropy(from_logits=True),
                        "department": keras.losses.CategoricalCrossentropy(from_logits=True)},
                  loss_weights={"priority": 1.0, "department": 0.2})
    rng = np.random.default_rng(2)
    title_data = rng.integers(0, num_words, size=(32, 10))
    body_data = rng.integers(0, num_words, size=(32, 100))
    tags_data = rng.integers(0, 2, size=(32, num_tags)).astype("float32")
    priority_targets = rng.random(size=(32, 1))
    dept_targets = rng.integers(0, 2, size=(32, num_departments))
    history = model.fit({"title": title_data, "body": body_data, "tags": tags_data},
                        {"priority": priority_targets, "department": dept_targets}, epochs=1, batch_size=16,
                        verbose=0)
    assert np.isfinite(history.history["loss"][0])


def test_toy_resnet_and_shared_layers():
    inputs = keras.Input(shape=(32, 32, 3), name="img")
    x = layers.Conv2D(32, 3, activation="relu")(inputs)
    block_1_output = layers.MaxPooling2D(3)(layers.Conv2D(64, 3, activation="relu")(x))
    x = layers.Conv2D(64, 3, activation="relu", padding="same")(block_1_output)
    x = layers.Conv2D(64, 3, activation="relu", padding="same")(x)
    block_2_output = layers.add([x, block_1_output])
    x = layers.GlobalAveragePooling2D()(layers.Conv2D(64, 3, activation="relu")(block_2_output))
    outputs = layers.Dense(10)(layers.Dropout(0.5)(layers.Dense(256, activation="relu")(x)))
    model = keras.Model(inputs, outputs, name="toy_resnet")
    model.compile(optimizer=keras.optimizers.RMSprop(1e-3),
                  loss=keras.losses.CategoricalCrossentropy(from_logits=True), metrics=["acc"])
    x_train = np.random.default_rng(3).random((16, 32, 32, 3)).astype("float32")
    y_train = keras.utils.to_categorical(np.arange(16) % 10, 10)
    model.fit(x_train, y_train, batch_size=8, epochs=1, verbose=0)

    shared_embedding = layers.Embedding(1000, 128)
    text_input_a = keras.Input(shape=(None,), dtype="int32")
    text_input_b = keras.Input(shape=(None,), dtype="int32")
    shared_embedding(text_input_a)
    shared_embedding(text_input_b)
    assert len(shared_embedding._inbound_nodes) == 2


def test_feature_extraction_and_custom_layer():
    vgg19 = keras.applications.VGG19(weights=None, include_top=False, input_shape=(32, 32, 3))
    features_list = [layer.output for layer in vgg19.layers]
    feat_extraction_model = keras.Model(inputs=vgg19.input, outputs=features_list)
    features = feat_extraction_model(np.random.random((1, 32, 32, 3)).astype("float32"))
    assert len(features) == len(vgg19.layers) and features[-1].shape == (1, 1, 1, 512)

    class CustomDense(layers.Layer):
        def __init__(self, units=32):
            super().__init__()
            self.units = units

        def build(self, input_shape):
            self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal",
                                     trainable=True)
            self.b = self.add_weight(shape=(self.units,), initializer="random_normal", trainable=True)

        def call(self, inputs):
            return keras.ops.matmul(inputs, self.w) + self.b

        def get_config(self):
            return {"units": self.units}

    inputs = keras.Input((4,))
    model = keras.Model(inputs, CustomDense(10)(inputs))
    config = model.get_config()
    new_model = keras.Model.from_config(config, custom_objects={"CustomDense": CustomDense})
    assert new_model.output_shape == (None, 10)
