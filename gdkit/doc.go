// Package gdkit holds the numerics of the gradient-descent course:
// difference quotients and one-sided limits, numeric and exact derivatives,
// numerical gradients and gradient checks, grids with numpy-style gradients,
// fixed-step descent loops (1D, ND, batch, mini-batch and stochastic) and the
// course models (linear and logistic regression, linear SVM, a tiny network).
//
// It imports no plotting or notebook code: a program that only computes links
// gonum alone.
package gdkit
