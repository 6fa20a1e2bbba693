"""BaseLogger: epoch averages of batch logs."""
import numpy as np

import kerax


def test_base_logger_averages_sized_batch_logs_as_tf_keras():
    logger = kerax.callbacks.BaseLogger(stateful_metrics=["auc"])
    logger.set_params({"metrics": ["loss", "auc"]})
    logger.on_epoch_begin(0)
    batches = [{"size": 4, "loss": 1.0, "auc": 0.5}, {"size": 2, "loss": 4.0, "auc": 0.7}]
    for i, logs in enumerate(batches):
        logger.on_batch_end(i, logs)
    logs = {}
    logger.on_epoch_end(0, logs)
    assert logs == {"loss": (4 * 1.0 + 2 * 4.0) / 6, "auc": 0.7}


def test_base_logger_in_fit_gives_the_epoch_average_of_the_batches():
    x = np.arange(12, dtype="float32").reshape(6, 2) / 10
    y = np.ones((6, 1), "float32")
    model = kerax.Sequential([kerax.Input((2,)), kerax.layers.Dense(1, kernel_initializer="ones")])
    model.compile(kerax.optimizers.SGD(0.0), "mse")  # weights stay: each batch's loss is known
    history = model.fit(x, y, batch_size=2, epochs=1, verbose=0, shuffle=False,
                        callbacks=[kerax.callbacks.BaseLogger()])
    batch_losses = [np.mean((x[i:i + 2].sum(1) - 1) ** 2) for i in range(0, 6, 2)]
    np.testing.assert_allclose(history.history["loss"][0], np.mean(batch_losses), rtol=1e-5)
