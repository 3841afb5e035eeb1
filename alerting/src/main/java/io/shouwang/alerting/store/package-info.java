/** The incident store interface the engine owns; implementations live in sub-packages. */
package io.shouwang.alerting.store;
