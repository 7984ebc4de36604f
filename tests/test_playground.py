"""The network playground, driven from Python: its state learns, its controls reset or keep the
weights as they should, and Play runs frames in the event loop until Pause."""

import asyncio

import numpy as np
import pytest

from dlbook.widgets import Playground, PlaygroundState


def test_state_learns_circles_and_the_boundary_moves():
    st = PlaygroundState(dataset="circles", seed=0)
    before, loss0 = st.boundary(), st.history["train"][-1]
    st.train(1000)
    assert st.epoch == pytest.approx(1000 * 10 / 200)
    assert st.history["train"][-1] < 0.2 < loss0 and st.history["test"][-1] < 0.2
    after = st.boundary()
    assert after.shape == (64, 64) and ((after >= 0) & (after <= 1)).all()
    assert np.abs(after - before).max() > 0.5
    # the centre of the view is the inner circle (class 1), the corners the ring's outside
    assert after[32, 32] > 0.9 and after[0, 0] < 0.5


def test_changing_the_learning_rate_keeps_the_weights_and_the_architecture_resets_them():
    st = PlaygroundState(seed=1)
    st.train(50)
    W = st.model.params["0.W"].copy()
    st.set(lr=0.01, optimizer="Adam", batch_size=20)
    np.testing.assert_array_equal(st.model.params["0.W"], W)
    assert st.optimizer.lr == 0.01 and type(st.optimizer).__name__ == "Adam" and st.steps == 50
    st.reset(layers=3, width=4)
    assert st.steps == 0 and len(st.model.params) == 8 and st.model.params["0.W"].shape == (2, 4)
    with pytest.raises(ValueError, match="change the data or the network: use reset"):
        st.set(width=3)
    with pytest.raises(ValueError, match="dataset must be one of"):
        st.reset(dataset="swissroll")


def test_controls_drive_the_state_and_the_artists():
    pg = Playground(seed=2)
    image = pg.image.get_array().copy()
    pg.step_button.click()
    assert pg.state.steps == pg.steps_per_frame and "epoch 0.2 (5 steps)" in pg.readout.value
    pg.advance(200)
    assert not np.allclose(pg.image.get_array(), image)
    np.testing.assert_allclose(pg.train_line.get_ydata(), pg.state.history["train"])
    pg.dataset.value = "xor"
    assert pg.state.settings["dataset"] == "xor" and pg.state.steps == 0
    np.testing.assert_allclose(pg.points["train"].get_offsets(), pg.state.X_train)
    pg.lr.value = 0.5
    assert pg.state.optimizer.lr == 0.5 and pg.state.steps == 0


def test_play_runs_frames_until_paused():
    pg = Playground(seed=3)

    async def play_then_pause():
        pg.play.value = True  # starts the task in this event loop
        await asyncio.sleep(0.3)
        pg.play.value = False  # the Pause button, pressed mid-run
        steps = pg.state.steps
        await asyncio.sleep(0.1)
        return steps

    steps_at_pause = asyncio.run(play_then_pause())
    assert steps_at_pause >= 2 * pg.steps_per_frame  # it trained while the loop was free
    assert pg.state.steps == steps_at_pause or pg.state.steps == steps_at_pause + pg.steps_per_frame
    assert pg.play.description == "▶ Play"
    asyncio.run(pg.run(frames=4))
    assert pg.state.steps >= steps_at_pause + 4 * pg.steps_per_frame


def test_an_overshooting_run_says_so_and_a_nan_loss_stops_play():
    pg = Playground(seed=4, lr=3.0, optimizer="momentum")
    pg.advance(200)
    assert pg.state.exploding and "The training loss grew from 0.70" in pg.readout.value
    pg.play.value = True  # outside an event loop Play only explains itself
    assert "Play needs a running event loop" in pg.readout.value
    pg.state.model.params["0.W"][0, 0] = np.nan  # what an overflow leaves behind
    with np.errstate(invalid="ignore"):
        pg.advance(1)
    assert pg.state.diverged and "The loss diverged" in pg.readout.value and not pg.play.value
