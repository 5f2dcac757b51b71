package dev.paved.portal.goldenpaths.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.vaadin.flow.component.button.Button;

/** Moves a golden path's wizard forward, page by page, to its review. */
final class WizardSteps {
  private WizardSteps() {}

  static void toReview() {
    for (int i = 0; i < 10 && _find(Button.class, spec -> spec.withId("template-create")).isEmpty(); i++) {
      _click(_get(Button.class, spec -> spec.withId("template-next")));
    }
  }
}
