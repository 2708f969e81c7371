// The NHS.UK frontend's scripts enhance pages that already work without them.
import { initAll } from '/nhsuk/nhsuk-frontend.min.js';

initAll();
