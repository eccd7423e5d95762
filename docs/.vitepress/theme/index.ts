// The default theme, with a little CSS for the generated pages (rule links, wide tables).
import DefaultTheme from "vitepress/theme"
import "./custom.css"

export default DefaultTheme
