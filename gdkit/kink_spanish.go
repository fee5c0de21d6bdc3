package gdkit

import "fmt"

// Spanish explains the kink for the course notebooks: the one-sided limits
// f'(X⁻) = Left and f'(X⁺) = Right differ, so f has no derivative at X.
func (e *KinkError) Spanish() string {
	return fmt.Sprintf("no hay derivada en x = %g: el límite por izquierda (%.6g) y el límite por derecha (%.6g) son distintos (un quiebre)",
		e.X, e.Left, e.Right)
}
