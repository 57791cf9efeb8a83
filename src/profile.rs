//! The respondent's profile: who the enterprise is. It decides which modules and questions apply.

use crate::coded_enum::coded_enum;

coded_enum! {
    /// The enterprise's industry; the two industries of the Shenzhen guidelines and AI and
    /// robotics have modules.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Industry {
        General = "general", "其他行业（通用）", "Other industries (general)",
        LowAltitude = "low-altitude", "低空经济（无人机、eVTOL、飞控、运营）", "Low-altitude economy (drones, eVTOL, flight control, operations)",
        Biomedical = "biomedical", "生物医药", "Biomedical",
        AiRobotics = "ai-robotics", "人工智能与机器人（模型、算法、具身智能机器人）", "AI and robotics (models, algorithms, embodied robots)",
    }
}

coded_enum! {
    /// Headcount band.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Size {
        Micro = "micro", "20 人以下", "Fewer than 20 people",
        Small = "small", "20–99 人", "20–99 people",
        Medium = "medium", "100–499 人", "100–499 people",
        Large = "large", "500 人及以上", "500 people or more",
    }
}

coded_enum! {
    /// The furthest business stage the enterprise has reached.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Stage {
        Rnd = "rnd", "研发阶段", "Research and development",
        Production = "production", "已量产或生产", "In production",
        Commercial = "commercial", "已规模化销售", "Selling at scale",
    }
}

/// Who the enterprise is. `org_name` is shown in the report only, and only if typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub industry: Industry,
    pub size: Option<Size>,
    pub stage: Option<Stage>,
    pub cross_border: bool,
    pub partners: bool,
    /// The enterprise develops or trains AI models or algorithms, whatever its industry.
    pub ai_models: bool,
    pub org_name: String,
}

/// Enterprise names longer than this are cut: the name is for a report heading, not a document.
pub const ORG_NAME_MAX_CHARS: usize = 100;

impl Default for Profile {
    /// Most enterprises work with suppliers or partners, so the partner questions start switched on.
    fn default() -> Profile {
        Profile {
            industry: Industry::General,
            size: None,
            stage: None,
            cross_border: false,
            partners: true,
            ai_models: false,
            org_name: String::new(),
        }
    }
}

/// Bounds a name while it is being typed: control characters become spaces and it is cut at
/// [`ORG_NAME_MAX_CHARS`], but spaces are kept (the user may be typing between words).
pub fn bound_org_name(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(ORG_NAME_MAX_CHARS)
        .collect()
}

/// Trims an enterprise name and cuts it at [`ORG_NAME_MAX_CHARS`] characters; control
/// characters become spaces so a pasted name cannot break the layout.
pub fn clean_org_name(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(ORG_NAME_MAX_CHARS)
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_exact() {
        for industry in Industry::ALL {
            assert_eq!(Industry::from_code(industry.code()), Some(*industry));
        }
        assert_eq!(Industry::from_code("Biomedical"), None);
        assert_eq!(Industry::from_code("low_altitude"), None);
        assert_eq!(
            Industry::from_code("ai-robotics"),
            Some(Industry::AiRobotics)
        );
        assert_eq!(Industry::AiRobotics.code(), "ai-robotics");
        assert_eq!(Industry::from_code("ai_robotics"), None);
    }

    #[test]
    fn org_names_are_trimmed_and_bounded() {
        assert_eq!(
            clean_org_name("  深圳某科技有限公司\n"),
            "深圳某科技有限公司"
        );
        assert_eq!(
            clean_org_name(&"名".repeat(500)).chars().count(),
            ORG_NAME_MAX_CHARS
        );
        assert_eq!(clean_org_name("a\u{0}b"), "a b");
    }
}
