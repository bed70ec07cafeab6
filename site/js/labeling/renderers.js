// The modality folders of the labeling screen: each registers its tags on import (see
// core/registry.js for the contract). A new object kind is one folder and one line here.
import "./core/layout.js";
import "./text/index.js";
import "./display/index.js";
import "./controls/index.js";
import "./image/index.js";
