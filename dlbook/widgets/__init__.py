"""The book's interactive figures. Each widget splits a pure function that computes what to
draw (tested without a browser) from a view that wires controls to it and updates the
figure's artists in place.

    explore_network()       a small network's nodes, edges and decision boundary (chapter 1)
    explore_activations()   f and f' of an activation, its tangent, where gradients vanish (chapter 2)
    explore_loss()          one example's losses and gradients as its prediction moves (chapter 3)
    explore_batch_loss()    a batch's losses as one prediction is dragged (chapter 3)
    draw_graph(L)           a Value graph with every node's value and gradient (chapter 4)
    step_backprop()         the backward pass through a small network, one node at a time (chapter 4)
    explore_descent()       an optimizer's path on a 2-D loss surface, and its loss per step (chapter 5)
    compare_optimizers()    SGD, momentum, RMSProp and Adam from the same start (chapter 5)
    playground()            train a small network on 2-D data, live, as TensorFlow Playground (chapter 6)
"""

from .activation_explorer import ActivationExplorer, activation_curves, explore_activations
from .backprop_stepper import BackpropStepper, backprop_steps, step_backprop, tiny_network
from .descent_explorer import DescentExplorer, OptimizerComparison, compare_optimizers, descend, explore_descent
from .graph_drawing import draw_graph, graph_layout
from .playground import Playground, PlaygroundState, playground
from .loss_explorer import BatchLossExplorer, LossExplorer, explore_batch_loss, explore_loss, loss_curves
from .network_explorer import NetworkExplorer, decision_grid, explore_network, network_values

__all__ = [
    "ActivationExplorer", "activation_curves", "explore_activations",
    "NetworkExplorer", "network_values", "decision_grid", "explore_network",
    "LossExplorer", "BatchLossExplorer", "loss_curves", "explore_loss", "explore_batch_loss",
    "graph_layout", "draw_graph", "tiny_network", "backprop_steps", "BackpropStepper", "step_backprop",
    "descend", "DescentExplorer", "OptimizerComparison", "explore_descent", "compare_optimizers",
    "PlaygroundState", "Playground", "playground",
]
