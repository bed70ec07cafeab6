// Image labeling: the Image object and every image drawing control, registered by tag name.
import { loadCss } from "../../lib/css.js";
import { registerTag } from "../core/registry.js";
import { ImageObject } from "./object.js";
import "./controls.js";

loadCss("css/image.css");

registerTag("Image", { kind: "object", component: ImageObject });
