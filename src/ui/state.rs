//! The widget's state machine (`crate::widget_state`) as Yew's reducer. The transition is the
//! core's; this file only wraps it.

use crate::widget_state::{WidgetAction, WidgetState};
use std::rc::Rc;
use yew::Reducible;

impl Reducible for WidgetState {
    type Action = WidgetAction;

    fn reduce(self: Rc<Self>, action: WidgetAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}
