"""Datasets, the digits split, and the training loop: it learns, it stops early, and it says
clearly when data and model do not fit or when training diverges."""

import numpy as np
import pytest

from dlbook import data, losses, nn, optim, train


@pytest.mark.parametrize("name", list(data.DATASETS))
def test_two_dimensional_datasets_are_balanced_seeded_and_noisy_on_request(name):
    make = data.DATASETS[name]
    X, y = make(101, noise=0.0, rng=0)
    assert X.shape == (101, 2) and X.dtype == np.float64 and set(np.unique(y)) == {0, 1}
    assert abs(int(y.sum()) - 50) <= 1
    again, _ = make(101, noise=0.0, rng=0)
    np.testing.assert_array_equal(X, again)
    noisy, y_noisy = make(101, noise=0.2, rng=0)
    assert not np.allclose(noisy, X)
    with pytest.raises(ValueError, match="noise must be a number"):
        make(10, noise=-1, rng=0)
    with pytest.raises(TypeError, match="rng must be a numpy Generator"):
        make(10, rng=None)


def test_a_small_network_separates_each_dataset():
    for name, make in data.DATASETS.items():
        X, y = make(300, noise=0.05, rng=1)
        model = nn.mlp([2, 32, 32, 2], activation="tanh", rng=2)
        train.fit(model, X, y, optimizer=optim.Adam(model, lr=0.02), epochs=300 if name == "spirals" else 60,
                  batch_size=32, rng=3, progress=False)
        assert train.accuracy(model, X, y) > 0.95, name


def test_digits_split_is_fixed_stratified_and_disjoint():
    s = data.digits()
    assert len(s.y_train) + len(s.y_val) + len(s.y_test) == 1797
    assert s.X_train.shape[1] == 64 and 0.0 <= s.X_train.min() and s.X_train.max() <= 1.0
    for part in (s.y_train, s.y_val, s.y_test):  # every digit in the same proportion
        share = np.bincount(part, minlength=10) / len(part)
        assert np.abs(share - 0.1).max() < 0.01
    rows = {tuple(r) for r in s.X_test}
    assert len(rows & {tuple(r) for r in s.X_train}) < 5  # the digits set has a few duplicate images
    again = data.digits()
    np.testing.assert_array_equal(again.y_test, s.y_test)
    np.testing.assert_array_equal(s.images_test.reshape(len(s.y_test), 64), s.X_test)


def test_stratified_split_by_hand():
    y = np.array([0] * 10 + [1] * 5)
    train_idx, val_idx, test_idx = data.stratified_split(y, (0.6, 0.2, 0.2), rng=0)
    assert sorted(np.concatenate([train_idx, val_idx, test_idx])) == list(range(15))
    assert np.bincount(y[train_idx]).tolist() == [6, 3] and np.bincount(y[val_idx]).tolist() == [2, 1]
    with pytest.raises(ValueError, match="three positive numbers that add up to 1"):
        data.stratified_split(y, (0.5, 0.5), rng=0)


def test_fit_reaches_97_percent_on_digits_and_records_history():
    s = data.digits()
    model = nn.mlp([64, 128, 64, 10], rng=0)
    history = train.fit(model, s.X_train, s.y_train, optimizer=optim.SGD(model, lr=0.05, momentum=0.9),
                        epochs=15, batch_size=32, rng=0, validation=(s.X_val, s.y_val), progress=False)
    assert train.accuracy(model, s.X_test, s.y_test) >= 0.97
    assert history.epochs == 15 and len(history.val_accuracy) == 15 and history.steps == 15 * 34
    assert history.train_loss[-1] < history.train_loss[0] / 10
    assert "15 epochs, 510 steps" in repr(history)


def test_fit_matches_a_hand_written_loop_step_for_step():
    rng = np.random.default_rng(4)
    X, y = rng.normal(size=(20, 3)), rng.integers(0, 2, size=20)
    model = nn.mlp([3, 5, 2], rng=5)
    twin = nn.mlp([3, 5, 2], rng=5)
    train.fit(model, X, y, optimizer=optim.SGD(model, lr=0.1), epochs=2, batch_size=8, rng=6, progress=False)
    opt = optim.SGD(twin, lr=0.1)
    order_rng = np.random.default_rng(6)
    for _ in range(2):
        for Xb, yb in data.batches(X, y, 8, rng=order_rng):
            twin.backward(losses.softmax_cross_entropy.backward(yb, twin(Xb)))
            opt.step()
    for key in model.params:
        np.testing.assert_allclose(model.params[key], twin.params[key], rtol=1e-12)


def test_early_stopping_restores_the_best_weights():
    rng = np.random.default_rng(7)
    X, y = rng.normal(size=(40, 10)), rng.integers(0, 2, size=40)  # pure noise: validation worsens
    Xv, yv = rng.normal(size=(40, 10)), rng.integers(0, 2, size=40)
    model = nn.mlp([10, 64, 2], rng=8)
    history = train.fit(model, X, y, optimizer=optim.Adam(model, lr=0.01), epochs=200, batch_size=8, rng=9,
                        validation=(Xv, yv), patience=5, progress=False)
    assert history.stopped_early and history.epochs < 200
    assert history.epochs == history.best_epoch + 5
    assert train.evaluate(model, Xv, yv, "softmax_cross_entropy")[0] == pytest.approx(
        history.val_loss[history.best_epoch - 1], rel=1e-9)


def test_schedule_and_float32_and_binary_outputs():
    rng = np.random.default_rng(10)
    X = rng.normal(size=(64, 2)).astype(np.float32)
    y = (X[:, 0] > 0).astype(np.float64).reshape(-1, 1)
    model = nn.mlp([2, 8, 1], rng=11)
    opt = optim.SGD(model, lr=0.5)
    history = train.fit(model, X, y, optimizer=opt, epochs=4, batch_size=16, rng=0, progress=False,
                        loss="binary_cross_entropy_with_logits", schedule=optim.StepLR(opt, 2, gamma=0.1))
    assert history.lr == [0.5, 0.5, 0.05, 0.05] and opt.lr == pytest.approx(0.005)
    assert model(X).dtype == np.float32 and history.train_accuracy[-1] > 0.8


@pytest.mark.parametrize("X, y, words", [
    (np.ones((5, 3)), np.zeros(5, dtype=int), "X has 3 features per example but the model's first layer, Dense(4, 8), expects 4"),
    (np.ones((5, 4)), np.array([0, 1, 2, 3, 2]), "y holds the label 3 at index (3,), but the model's last layer has 3 outputs"),
    (np.ones((5, 4)), np.zeros(5), "y has dtype float64: class labels must be integers 0..2"),
    (np.ones((5, 4)), np.zeros(4, dtype=int), "X has 5 examples but y has 4"),
    (np.array([[1.0, np.nan, 0, 0]] * 5), np.zeros(5, dtype=int), "X contains nan at index (0, 1)"),
])
def test_data_that_does_not_fit_the_model_is_explained_before_training(X, y, words):
    model = nn.mlp([4, 8, 3], rng=0)
    with pytest.raises(ValueError) as info:
        train.fit(model, X, y, optimizer=optim.SGD(model, lr=0.1), epochs=1, rng=0, progress=False)
    assert words in str(info.value)


def test_divergence_stops_at_the_step_and_says_what_to_try():
    rng = np.random.default_rng(12)
    X, y = rng.normal(size=(64, 5)) * 100, rng.integers(0, 3, size=64)
    model = nn.mlp([5, 32, 3], rng=13)
    with np.errstate(over="ignore", invalid="ignore"):
        with pytest.raises(train.TrainingDiverged, match=r"the loss became (nan|inf) at epoch \d+, batch \d+ .*"
                                                         r"learning rate 10.*Try a learning rate 3 to 10 times smaller"):
            train.fit(model, X, y, optimizer=optim.SGD(model, lr=10.0), epochs=50, batch_size=16, rng=0,
                      progress=False)


def test_progress_bar_and_live_plot_run_headless(capsys):
    X, y = data.xor(64, rng=0)
    model = nn.mlp([2, 8, 2], rng=0)
    history = train.fit(model, X, y, optimizer=optim.Adam(model, lr=0.05), epochs=3, rng=0, progress=True,
                        plot=True, validation=(X, y))
    assert history.epochs == 3
    fig = history.plot()
    assert len(fig.axes) == 2 and len(fig.axes[0].lines[0].get_xdata()) == 3


def test_the_live_plot_draws_before_any_epoch():
    from dlbook.widgets.training_plot import TrainingPlot

    view = TrainingPlot(5)
    view.fig.canvas.draw()  # an empty log axis must not fail
    assert view.ax_loss.get_ylim()[0] > 0
