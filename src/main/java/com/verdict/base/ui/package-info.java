/** The application frame that every feature's views sit in. */
@org.springframework.modulith.NamedInterface("ui")
package com.verdict.base.ui;
