package com.qteria.web;

import com.qteria.platform.DeploymentEnvironment;
import com.qteria.platform.EnvironmentSetting;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the page layout needs on every page: the path being shown (without the context path), so the navigation can
 * mark where the visitor is (Thymeleaf 3.1 no longer exposes the request to templates), and the installation
 * ({@code ENVIRONMENT}), so that every page outside production says which one it is.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAttributes {

    private final DeploymentEnvironment environment;

    LayoutAttributes(EnvironmentSetting setting) {
        this.environment = setting.environment();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("deploymentEnvironment")
    DeploymentEnvironment deploymentEnvironment() {
        return environment;
    }
}
